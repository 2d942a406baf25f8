package io.kioskfleet.jobs.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per endpoint, in memory: after a run of failures the endpoint gets
 * nothing for a cool-down, then one trial; a success closes it. While open, deliveries wait
 * without spending attempts, so a receiver that is down does not burn its events into dead letters.
 */
final class CircuitBreakers {

    private record Circuit(int failures, Instant openUntil) {
    }

    private final int threshold;
    private final Duration cooldown;
    private final Clock clock;
    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();

    CircuitBreakers(int threshold, Duration cooldown, Clock clock) {
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /** True when {@code endpointId} may be tried now (closed, or open with its cool-down over). */
    boolean allows(String endpointId) {
        Circuit circuit = circuits.get(endpointId);
        return circuit == null || circuit.openUntil() == null || !clock.instant().isBefore(circuit.openUntil());
    }

    /** True when the circuit is open now. */
    boolean open(String endpointId) {
        return !allows(endpointId);
    }

    void succeeded(String endpointId) {
        circuits.remove(endpointId);
    }

    void failed(String endpointId) {
        circuits.compute(endpointId, (id, circuit) -> {
            int failures = circuit == null ? 1 : circuit.failures() + 1;
            return new Circuit(failures, failures >= threshold ? clock.instant().plus(cooldown) : null);
        });
    }
}
