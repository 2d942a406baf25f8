package io.kioskfleet.policies.inheritance;

import java.util.Objects;

/**
 * A value that resolution ignored because the setting was locked above, kept so that the
 * console can show why an OU's or device's setting has no effect.
 */
public record BlockedOverride(String key, SettingOrigin attemptedBy, String lockedBy) {

    public BlockedOverride {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attemptedBy, "attemptedBy");
        Objects.requireNonNull(lockedBy, "lockedBy");
    }
}
