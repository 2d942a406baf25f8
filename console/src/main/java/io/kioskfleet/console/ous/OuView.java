package io.kioskfleet.console.ous;

import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuKind;
import io.kioskfleet.core.ous.OuNode;
import java.time.Instant;
import java.util.List;

/**
 * An organisation unit as the API shows it; in the tree view it carries its sub-units.
 *
 * @param children the sub-units in a tree view, null in a flat list
 */
public record OuView(String id, String name, OuKind kind, String parentId, String address, int travelMinutes,
                     long version, Instant createdAt, Instant updatedAt, List<OuView> children) {

    static OuView of(OrganisationUnit unit) {
        return new OuView(unit.id(), unit.name(), unit.kind(), unit.parentId(), unit.address(), unit.travelMinutes(),
            unit.version(), unit.createdAt(), unit.updatedAt(), null);
    }

    static OuView of(OuNode node) {
        OrganisationUnit unit = node.unit();
        return new OuView(unit.id(), unit.name(), unit.kind(), unit.parentId(), unit.address(), unit.travelMinutes(),
            unit.version(), unit.createdAt(), unit.updatedAt(), node.children().stream().map(OuView::of).toList());
    }
}
