package io.kioskfleet.policies.inheritance;

import io.kioskfleet.policies.catalogue.SettingDefinition;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The policy that applies to one OU or device: every catalogue setting with its value, origin
 * and lock, plus the overrides that locks blocked on the way down.
 */
public record EffectivePolicy(String scope, Map<String, EffectiveSetting> settings,
                              List<BlockedOverride> blockedOverrides) {

    public EffectivePolicy {
        Objects.requireNonNull(scope, "scope");
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        blockedOverrides = List.copyOf(blockedOverrides);
    }

    /** The effective setting under {@code key}. */
    public EffectiveSetting setting(String key) {
        EffectiveSetting setting = settings.get(key);
        if (setting == null) {
            throw new IllegalArgumentException("no setting " + key);
        }
        return setting;
    }

    /** The value of an integer setting. */
    public long integer(SettingDefinition definition) {
        return (Long) setting(definition.key()).value();
    }

    /** The value of a boolean setting. */
    public boolean flag(SettingDefinition definition) {
        return (Boolean) setting(definition.key()).value();
    }

    /** The value of a text setting. */
    public String text(SettingDefinition definition) {
        return (String) setting(definition.key()).value();
    }

    /** The value of a set-of-texts setting, sorted. */
    @SuppressWarnings("unchecked")
    public List<String> texts(SettingDefinition definition) {
        return (List<String>) setting(definition.key()).value();
    }

    /** The value of a setting made of named text fields, such as {@code {ja, en}}. */
    @SuppressWarnings("unchecked")
    public Map<String, String> fields(SettingDefinition definition) {
        return (Map<String, String>) setting(definition.key()).value();
    }
}
