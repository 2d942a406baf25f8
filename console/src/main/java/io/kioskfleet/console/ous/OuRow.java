package io.kioskfleet.console.ous;

import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuNode;
import java.util.ArrayList;
import java.util.List;

/** One line of the organisation outline: a unit and how deep below headquarters it is. */
public record OuRow(OrganisationUnit unit, int depth) {

    /** The tree as an outline, parents before their children. */
    static List<OuRow> outline(List<OuNode> tree) {
        List<OuRow> rows = new ArrayList<>();
        tree.forEach(node -> add(node, 0, rows));
        return rows;
    }

    private static void add(OuNode node, int depth, List<OuRow> rows) {
        rows.add(new OuRow(node.unit(), depth));
        node.children().forEach(child -> add(child, depth + 1, rows));
    }
}
