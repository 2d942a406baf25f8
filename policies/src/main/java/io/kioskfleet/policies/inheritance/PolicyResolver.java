package io.kioskfleet.policies.inheritance;

import io.kioskfleet.policies.catalogue.Catalogue;
import io.kioskfleet.policies.catalogue.SettingDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes effective policies from plain inputs. Rules, applied from the root down: a setting
 * has its catalogue default until an OU sets it; an OU's value replaces its parent's; an OU's
 * lock freezes the value it ends up with for every OU and device below, and the first lock on
 * the way down wins; a device exception that is still active replaces unlocked values only.
 *
 * <p>Each step needs only its parent's result, so callers resolving many OUs can resolve each
 * once and reuse it ({@link #resolve(OuChain, Function)}).
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
        return resolve(chain, PolicyResolver::resolve);
    }

    /**
     * The effective policy of the leaf of {@code chain}, taking its parent's from
     * {@code resolveParent}: a caller resolving many OUs passes one that remembers results.
     */
    public static EffectivePolicy resolve(OuChain chain,
                                          Function<OuChain, EffectivePolicy> resolveParent) {
        EffectivePolicy parent = chain.parent().map(resolveParent).orElse(DEFAULTS);
        OuLevel leaf = chain.leaf();
        return leaf.policy()
            .map(policy -> apply(parent, leaf.ouId(), SettingOrigin.ou(leaf.ouId()),
                policy.settings(), policy.locks()))
            .orElseGet(() -> new EffectivePolicy(leaf.ouId(), parent.settings(),
                parent.blockedOverrides()));
    }

    /**
     * The effective policy of an OU whose own settings (plain values by dotted key) and locks
     * are given directly, as when a draft is checked before it becomes a document. Throws
     * {@link IllegalArgumentException} for a key the catalogue does not know or an invalid value.
     */
    public static EffectivePolicy applyDraft(EffectivePolicy parent, String ouId,
                                             Map<String, ?> settings,
                                             Collection<String> locks) {
        return apply(parent, ouId, SettingOrigin.ou(ouId), Catalogue.canonicalSettings(settings),
            locks);
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
            EffectiveSetting inherited = known(settings, key);
            if (inherited.locked()) {
                blocked.add(new BlockedOverride(key, origin, inherited.lockedBy().get()));
            } else {
                settings.put(key, new EffectiveSetting(key, value, origin, Optional.empty()));
            }
        });
        for (String key : locks) {
            EffectiveSetting current = known(settings, key);
            if (!current.locked()) {
                settings.put(key, new EffectiveSetting(key, current.value(), current.origin(),
                    Optional.of(origin.label())));
            }
        }
        blocked.sort(BLOCKED_ORDER);
        return new EffectivePolicy(scope, settings, blocked);
    }

    private static EffectiveSetting known(Map<String, EffectiveSetting> settings, String key) {
        EffectiveSetting setting = settings.get(key);
        if (setting == null) {
            throw new IllegalArgumentException("no setting " + key + " in the catalogue");
        }
        return setting;
    }
}
