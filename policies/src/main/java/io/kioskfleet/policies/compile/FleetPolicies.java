package io.kioskfleet.policies.compile;

import io.kioskfleet.policies.inheritance.DeviceException;
import io.kioskfleet.policies.inheritance.EffectivePolicy;
import io.kioskfleet.policies.inheritance.OuChain;
import io.kioskfleet.policies.inheritance.PolicyResolver;
import io.kioskfleet.protocol.policy.DevicePolicy;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Effective policies and device payloads for a whole fleet. Each OU is resolved and compiled
 * once and shared by its children and its devices; only a device with an active exception
 * costs its own compilation.
 *
 * <p>A result is remembered per OU together with the chain it came from (every OU id from the
 * root and the policy attached to each, compared by value, so by ETag), and reused only for an
 * equal chain. A long-lived instance therefore follows policy changes and OU moves, keeping one
 * result per OU. Safe for concurrent use.
 */
public final class FleetPolicies {

    private final ConcurrentMap<String, Remembered<EffectivePolicy>> effectiveByOu =
        new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Remembered<DevicePolicy>> payloadByOu =
        new ConcurrentHashMap<>();

    /** The effective policy of the leaf OU of {@code chain}. */
    public EffectivePolicy effective(OuChain chain) {
        return remembered(effectiveByOu, chain,
            () -> PolicyResolver.resolve(chain, this::effective));
    }

    /** The effective policy of a device in the leaf OU of {@code chain}. */
    public EffectivePolicy effective(OuChain chain, Optional<DeviceException> exception,
                                     Instant now) {
        return PolicyResolver.applyException(effective(chain), exception, now);
    }

    /** The payload for the devices of the leaf OU of {@code chain} that have no exception. */
    public DevicePolicy payload(OuChain chain) {
        return remembered(payloadByOu, chain, () -> PolicyCompiler.compile(effective(chain)));
    }

    /** The payload for one device, honouring its exception while active at {@code now}. */
    public DevicePolicy payload(OuChain chain, Optional<DeviceException> exception,
                                Instant now) {
        if (exception.isEmpty() || !exception.get().activeAt(now)) {
            return payload(chain);
        }
        return PolicyCompiler.compile(effective(chain, exception, now));
    }

    // Not computeIfAbsent: computing a child resolves its parent through the same map, which
    // ConcurrentHashMap forbids inside a mapping function. Two threads may compute the same
    // result; the first one stored is the one everybody gets.
    private static <T> T remembered(ConcurrentMap<String, Remembered<T>> memo, OuChain chain,
                                    Supplier<T> compute) {
        String ouId = chain.leaf().ouId();
        Remembered<T> known = memo.get(ouId);
        if (known != null && known.chain().equals(chain)) {
            return known.value();
        }
        Remembered<T> fresh = new Remembered<>(chain, compute.get());
        return memo.compute(ouId, (id, stored) ->
            stored != null && stored.chain().equals(chain) ? stored : fresh).value();
    }

    /** A result and the chain it was computed from; it holds only for an equal chain. */
    private record Remembered<T>(OuChain chain, T value) {
    }
}
