package io.kioskfleet.core.policies;

import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.policies.document.PolicyDocument;
import io.kioskfleet.policies.inheritance.OuChain;
import io.kioskfleet.policies.inheritance.OuLevel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OU tree and the policy document in force at each OU at one moment: what OU chains, and so
 * effective policies, are built from.
 */
final class PolicyLayout {

    private final List<OrganisationUnit> units;
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, PolicyDocument> documentOf;

    PolicyLayout(List<OrganisationUnit> units, Map<String, PolicyDocument> documentOf) {
        this.units = List.copyOf(units);
        units.forEach(unit -> parentOf.put(unit.id(), unit.parentId()));
        this.documentOf = Map.copyOf(documentOf);
    }

    /** Every unit, parents before children. */
    List<OrganisationUnit> units() {
        return units;
    }

    /** True when {@code ouId} is a unit of this layout. */
    boolean has(String ouId) {
        return parentOf.containsKey(ouId);
    }

    /** The chain from the root down to {@code ouId}, with the document attached at each OU. */
    OuChain chain(String ouId) {
        List<OuLevel> levels = new ArrayList<>();
        String at = ouId;
        while (at != null && levels.size() <= parentOf.size()) {
            levels.add(new OuLevel(at, Optional.ofNullable(documentOf.get(at))));
            at = parentOf.get(at);
        }
        Collections.reverse(levels);
        return new OuChain(levels);
    }

    /** This layout with {@code document} in force at each of {@code ouIds} instead. */
    PolicyLayout with(Collection<String> ouIds, PolicyDocument document) {
        Map<String, PolicyDocument> changed = new HashMap<>(documentOf);
        ouIds.forEach(ouId -> changed.put(ouId, document));
        return new PolicyLayout(units, changed);
    }
}
