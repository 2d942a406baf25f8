package io.kioskfleet.policies.compile;

import io.kioskfleet.policies.inheritance.DeviceException;
import io.kioskfleet.policies.inheritance.EffectivePolicy;
import io.kioskfleet.policies.inheritance.OuChain;
import io.kioskfleet.policies.inheritance.OuLevel;
import io.kioskfleet.policies.inheritance.PolicyResolver;
import io.kioskfleet.protocol.policy.DevicePolicy;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Effective policies and device payloads for a whole fleet, from one snapshot of the policies
 * attached to its OUs. Each OU is resolved and compiled once and shared by its children and
 * its devices; only a device with an active exception costs its own compilation.
 *
 * <p>Results are remembered by OU id, so an instance must not outlive the snapshot: when any
 * attached policy or the OU tree changes, start a new one. Safe for concurrent use.
 */
public final class FleetPolicies {

    private final ConcurrentMap<String, EffectivePolicy> effectiveByOu =
        new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DevicePolicy> payloadByOu = new ConcurrentHashMap<>();

    /** The effective policy of the leaf OU of {@code chain}. */
    public EffectivePolicy effective(OuChain chain) {
        EffectivePolicy effective = PolicyResolver.defaults();
        for (OuLevel level : chain.levels()) {
            EffectivePolicy parent = effective;
            effective = effectiveByOu.computeIfAbsent(level.ouId(),
                id -> PolicyResolver.applyOu(parent, level));
        }
        return effective;
    }

    /** The effective policy of a device in the leaf OU of {@code chain}. */
    public EffectivePolicy effective(OuChain chain, Optional<DeviceException> exception,
                                     Instant now) {
        return PolicyResolver.applyException(effective(chain), exception, now);
    }

    /** The payload for the devices of the leaf OU of {@code chain} that have no exception. */
    public DevicePolicy payload(OuChain chain) {
        return payloadByOu.computeIfAbsent(chain.leaf().ouId(),
            id -> PolicyCompiler.compile(effective(chain)));
    }

    /** The payload for one device, honouring its exception while active at {@code now}. */
    public DevicePolicy payload(OuChain chain, Optional<DeviceException> exception,
                                Instant now) {
        if (exception.isEmpty() || !exception.get().activeAt(now)) {
            return payload(chain);
        }
        return PolicyCompiler.compile(effective(chain, exception, now));
    }
}
