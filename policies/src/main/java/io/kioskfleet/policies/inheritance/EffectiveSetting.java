package io.kioskfleet.policies.inheritance;

import java.util.Objects;
import java.util.Optional;

/** One setting as it applies: its value, where the value came from, and who locked it. */
public record EffectiveSetting(String key, Object value, SettingOrigin origin,
                               Optional<String> lockedBy) {

    public EffectiveSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(lockedBy, "lockedBy (empty when unlocked)");
    }

    /** True when an OU above has locked the setting, so no OU below may change it. */
    public boolean locked() {
        return lockedBy.isPresent();
    }
}
