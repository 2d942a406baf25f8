package io.kioskfleet.core.ous;

import java.util.List;

/**
 * An organisation unit with its sub-units, for showing the tree.
 *
 * @param unit     the unit
 * @param children its direct sub-units, by name
 */
public record OuNode(OrganisationUnit unit, List<OuNode> children) {

    public OuNode {
        children = List.copyOf(children);
    }
}
