package io.kioskfleet.jobs.webhooks;

import java.time.Duration;

/**
 * How the webhook worker sends.
 *
 * @param every            how often it looks for due deliveries ({@link Duration#ZERO}: tests run rounds themselves)
 * @param firstRetry       the delay before the first retry; each later one doubles, with jitter
 * @param maxRetryDelay    the longest delay between two attempts
 * @param maxAttempts      attempts before a delivery becomes a dead letter
 * @param lease            how long a taken delivery is this worker's; after a crash another sends it then
 * @param connectTimeout   to open a connection
 * @param responseTimeout  to wait for the answer
 * @param breakerThreshold failures in a row that open an endpoint's circuit
 * @param breakerCooldown  how long an open circuit sends nothing before one trial
 */
public record DeliverySettings(Duration every, Duration firstRetry, Duration maxRetryDelay, int maxAttempts,
                               Duration lease, Duration connectTimeout, Duration responseTimeout, int breakerThreshold,
                               Duration breakerCooldown) {

    /** Every 2 s; retries from 5 s up to 30 min, 12 attempts (about 3 hours); 5 failures open a circuit for 1 min. */
    public static final DeliverySettings DEFAULT = new DeliverySettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofMinutes(30), 12, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(10), 5,
        Duration.ofMinutes(1));

    public DeliverySettings {
        if (maxAttempts < 1 || breakerThreshold < 1) {
            throw new IllegalArgumentException("maxAttempts and breakerThreshold must be at least 1");
        }
        if (lease.compareTo(connectTimeout.plus(responseTimeout)) <= 0) {
            throw new IllegalArgumentException("the lease must outlast one attempt (connect + response timeout)");
        }
    }
}
