package io.kioskfleet.policies.diff;

import java.util.Objects;

/**
 * One setting that differs between two versions; {@code before} is {@code null} when it was
 * added and {@code after} is {@code null} when it was removed (then the inherited value applies).
 */
public record SettingChange(String key, ChangeKind kind, Object before, Object after) {

    public SettingChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        if ((before == null) != (kind == ChangeKind.ADDED)
            || (after == null) != (kind == ChangeKind.REMOVED)) {
            throw new IllegalArgumentException(kind + " does not fit before/after of " + key);
        }
    }
}
