package io.kioskfleet.core.ous;

import java.util.Set;

/**
 * The organisation units an actor may see or manage: everything, or a set of units (each with
 * its sub-units already included).
 */
public record OuScope(boolean everything, Set<String> ouIds) {

    public OuScope {
        ouIds = Set.copyOf(ouIds);
    }

    static OuScope all() {
        return new OuScope(true, Set.of());
    }

    static OuScope only(Set<String> ouIds) {
        return new OuScope(false, ouIds);
    }

    /** True when {@code ouId} is inside the scope. */
    public boolean contains(String ouId) {
        return everything || ouIds.contains(ouId);
    }
}
