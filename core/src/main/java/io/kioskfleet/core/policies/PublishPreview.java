package io.kioskfleet.core.policies;

import io.kioskfleet.policies.inheritance.EffectivePolicy;
import java.util.List;
import java.util.Objects;

/**
 * What publishing a policy's draft would change: the devices whose compiled payload (and so
 * ETag) would differ, counted per OU, and the settings that change for each such OU.
 *
 * @param policyId         the policy
 * @param publishedVersion the version in force now (0 when none is published)
 * @param draftEtag        the ETag of the draft document
 * @param deviceCount      how many devices would get a different payload
 * @param ous              each OU where devices (or the OU's own payload) would change
 * @param devices          each device that would get a different payload
 */
public record PublishPreview(String policyId, int publishedVersion, String draftEtag, int deviceCount,
                             List<OuImpact> ous, List<AffectedDevice> devices) {

    public PublishPreview {
        ous = List.copyOf(ous);
        devices = List.copyOf(devices);
    }

    /**
     * One OU whose effective policy changes.
     *
     * @param ouId        the unit
     * @param ouName      its name
     * @param deviceCount how many of its devices would get a different payload
     * @param changes     the settings whose effective value changes
     */
    public record OuImpact(String ouId, String ouName, int deviceCount, List<SettingValueChange> changes) {

        public OuImpact {
            changes = List.copyOf(changes);
        }
    }

    /**
     * A device that would get a different payload.
     *
     * @param id           the device
     * @param serial       its serial
     * @param ouId         its unit
     * @param hasException whether it has an active exception (so its result was computed on its own)
     */
    public record AffectedDevice(String id, String serial, String ouId, boolean hasException) {
    }

    /**
     * An effective value before and after.
     *
     * @param key    dotted setting key
     * @param before canonical value now
     * @param after  canonical value after publishing
     */
    public record SettingValueChange(String key, Object before, Object after) {

        static List<SettingValueChange> between(EffectivePolicy before, EffectivePolicy after) {
            return before.settings().keySet().stream()
                .filter(key -> !Objects.equals(before.setting(key).value(), after.setting(key).value()))
                .map(key -> new SettingValueChange(key, before.setting(key).value(), after.setting(key).value()))
                .toList();
        }
    }
}
