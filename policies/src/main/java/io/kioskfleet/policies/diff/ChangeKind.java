package io.kioskfleet.policies.diff;

/** How an entry differs between two policy versions. */
public enum ChangeKind {
    ADDED, REMOVED, CHANGED
}
