package io.kioskfleet.core.policies;

import io.kioskfleet.policies.inheritance.BlockedOverride;
import io.kioskfleet.policies.inheritance.EffectivePolicy;
import io.kioskfleet.policies.inheritance.EffectiveSetting;
import java.time.Instant;
import java.util.List;

/**
 * The policy that applies to one OU or device, for people: every setting with its value, where
 * the value came from and who locked it, and the payload ETag the devices get.
 *
 * @param scope               the OU or device id
 * @param payloadEtag         the ETag of the compiled device payload
 * @param settings            every setting, by key
 * @param blockedOverrides    values below a lock that have no effect
 * @param exceptionExpiresAt  for a device with an active exception, when it expires; else null
 */
public record EffectivePolicyReport(String scope, String payloadEtag, List<Setting> settings,
                                    List<BlockedOverride> blockedOverrides, Instant exceptionExpiresAt) {

    public EffectivePolicyReport {
        settings = List.copyOf(settings);
        blockedOverrides = List.copyOf(blockedOverrides);
    }

    /**
     * One setting as it applies.
     *
     * @param key      dotted key, such as {@code session.maxLengthMinutes}
     * @param value    canonical value
     * @param origin   {@code default}, {@code device exception} or the id of the OU that set it
     * @param lockedBy the id of the OU that locked it, or null
     */
    public record Setting(String key, Object value, String origin, String lockedBy) {

        static Setting of(EffectiveSetting setting) {
            return new Setting(setting.key(), setting.value(), setting.origin().label(), setting.lockedBy().orElse(null));
        }
    }

    static EffectivePolicyReport of(EffectivePolicy effective, String payloadEtag, Instant exceptionExpiresAt) {
        return new EffectivePolicyReport(effective.scope(), payloadEtag,
            effective.settings().values().stream().map(Setting::of).toList(), effective.blockedOverrides(),
            exceptionExpiresAt);
    }
}
