package io.kioskfleet.policies.inheritance;

import io.kioskfleet.policies.catalogue.Catalogue;
import io.kioskfleet.policies.catalogue.SettingDefinition;
import io.kioskfleet.policies.document.PolicyDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes effective policies from plain inputs. Rules, applied from the root down: a setting
 * has its catalogue default until an OU sets it; an OU's value replaces its parent's; an OU's
 * lock freezes the value it ends up with for every OU and device below, and the first lock on
 * the way down wins; a device exception that is still active replaces unlocked values only.
 *
 * <p>Each step needs only its parent's result, so callers resolving many OUs can resolve each
 * once and reuse it ({@link #applyOu}).
 */
public final class PolicyResolver {

    private static final Comparator<BlockedOverride> BLOCKED_ORDER =
        Comparator.comparing(BlockedOverride::key)
            .thenComparing(blocked -> blocked.attemptedBy().label());
    private static final EffectivePolicy DEFAULTS = defaultsPolicy();

    private PolicyResolver() {
    }

    /** The policy that applies where nothing is attached: every catalogue default. */
    public static EffectivePolicy defaults() {
        return DEFAULTS;
    }

    private static EffectivePolicy defaultsPolicy() {
        Map<String, EffectiveSetting> settings = new LinkedHashMap<>();
        for (SettingDefinition setting : Catalogue.all()) {
            settings.put(setting.key(), new EffectiveSetting(setting.key(),
                setting.defaultValue(), SettingOrigin.DEFAULT, Optional.empty()));
        }
        return new EffectivePolicy("default", settings, List.of());
    }

    /** The effective policy of the leaf of {@code chain}. */
    public static EffectivePolicy resolve(OuChain chain) {
        EffectivePolicy effective = DEFAULTS;
        for (OuLevel level : chain.levels()) {
            effective = applyOu(effective, level);
        }
        return effective;
    }

    /** The effective policy of an OU, given its parent's (or {@link #defaults()} at the root). */
    public static EffectivePolicy applyOu(EffectivePolicy parent, OuLevel level) {
        return level.policy()
            .map(policy -> applyOu(parent, level.ouId(), policy))
            .orElseGet(() -> new EffectivePolicy(level.ouId(), parent.settings(),
                parent.blockedOverrides()));
    }

    private static EffectivePolicy applyOu(EffectivePolicy parent, String ouId,
                                           PolicyDocument policy) {
        return apply(parent, ouId, SettingOrigin.ou(ouId), policy.settings(), policy.locks());
    }

    /**
     * The effective policy of an OU whose own settings and locks are given directly, as when a
     * draft is checked before it becomes a document.
     */
    public static EffectivePolicy applyOu(EffectivePolicy parent, String ouId,
                                          Map<String, Object> settings,
                                          Collection<String> locks) {
        return apply(parent, ouId, SettingOrigin.ou(ouId), settings, locks);
    }

    /**
     * The effective policy of a device: its OU's, with the device's exception applied while the
     * exception is active at {@code now}.
     */
    public static EffectivePolicy applyException(EffectivePolicy ou,
                                                 Optional<DeviceException> exception,
                                                 Instant now) {
        if (exception.isEmpty() || !exception.get().activeAt(now)) {
            return ou;
        }
        DeviceException active = exception.get();
        return apply(ou, active.deviceId(), SettingOrigin.DEVICE_EXCEPTION, active.settings(),
            List.of());
    }

    private static EffectivePolicy apply(EffectivePolicy parent, String scope,
                                         SettingOrigin origin, Map<String, Object> values,
                                         Collection<String> locks) {
        Map<String, EffectiveSetting> settings = new TreeMap<>(parent.settings());
        List<BlockedOverride> blocked = new ArrayList<>(parent.blockedOverrides());
        values.forEach((key, value) -> {
            EffectiveSetting inherited = settings.get(key);
            if (inherited.locked()) {
                blocked.add(new BlockedOverride(key, origin, inherited.lockedBy().get()));
            } else {
                settings.put(key, new EffectiveSetting(key, value, origin, Optional.empty()));
            }
        });
        for (String key : locks) {
            EffectiveSetting current = settings.get(key);
            if (!current.locked()) {
                settings.put(key, new EffectiveSetting(key, current.value(), current.origin(),
                    Optional.of(origin.label())));
            }
        }
        blocked.sort(BLOCKED_ORDER);
        return new EffectivePolicy(scope, settings, blocked);
    }
}
