package io.kioskfleet.policies.inheritance;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The OUs from the root of an organisation down to one OU, in that order. */
public record OuChain(List<OuLevel> levels) {

    public OuChain {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("an OU chain starts at the root");
        }
        HashSet<String> seen = new HashSet<>();
        for (OuLevel level : levels) {
            if (!seen.add(level.ouId())) {
                throw new IllegalArgumentException("OU " + level.ouId() + " appears twice");
            }
        }
    }

    /** A chain of the given levels, root first. */
    public static OuChain of(OuLevel... levels) {
        return new OuChain(List.of(levels));
    }

    /** The OU at the end of the chain, whose effective policy the chain describes. */
    public OuLevel leaf() {
        return levels.get(levels.size() - 1);
    }

    /** The chain without its leaf, or empty for the root alone. */
    public List<OuLevel> ancestors() {
        return levels.subList(0, levels.size() - 1);
    }

    /** The chain from the root to the leaf's parent, or empty when the leaf is the root. */
    public Optional<OuChain> parent() {
        return levels.size() == 1 ? Optional.empty() : Optional.of(new OuChain(ancestors()));
    }
}
