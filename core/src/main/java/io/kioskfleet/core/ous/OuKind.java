package io.kioskfleet.core.ous;

/** Where an organisation unit stands in the tree. */
public enum OuKind {
    /** The root: the office IT staff run the fleet from. There is exactly one. */
    HEADQUARTERS,
    /** Any unit below headquarters: a branch office, a sub-office, a department. */
    BRANCH
}
