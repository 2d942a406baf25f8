package io.kioskfleet.policies.diff;

import java.util.Objects;

/** A lock that one version has and the other has not. */
public record LockChange(String key, ChangeKind kind) {

    public LockChange {
        Objects.requireNonNull(key, "key");
        if (kind != ChangeKind.ADDED && kind != ChangeKind.REMOVED) {
            throw new IllegalArgumentException("a lock is added or removed, not " + kind);
        }
    }
}
