package io.kioskfleet.agent;

import java.time.Duration;

/**
 * How the agent retries a request that failed for a passing reason (no answer, or a 5xx): up to
 * {@code maxAttempts} in all, waiting {@code firstBackoff}, then twice as long each time up to
 * {@code maxBackoff}, each wait shortened by a random part so a fleet does not retry in step.
 *
 * @param maxAttempts  attempts in all, at least 1
 * @param firstBackoff the wait after the first failure
 * @param maxBackoff   the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    /** Four attempts, waiting about 0.5 s, 1 s and 2 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("a retry policy needs at least one attempt and growing waits");
        }
    }

    /** The wait after failed attempt {@code attempt} (1 for the first), with up to half of it taken off at random. */
    Duration backoffAfter(int attempt) {
        long full = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(attempt - 1, 20));
        long jitter = full == 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextLong(full / 2 + 1);
        return Duration.ofMillis(full - jitter);
    }
}
