package io.kioskfleet.agentapi.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per device, in memory: a device may send {@code burst} requests at once and
 * then {@code perMinute} a minute. A well-behaved agent checks in every few minutes, so only a
 * broken or hostile one ever meets the limit. Each instance counts on its own.
 */
public final class DeviceRateLimit {

    private final int burst;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param burst     requests a device may send at once
     * @param perMinute requests a device may send a minute, on average
     */
    public DeviceRateLimit(int burst, int perMinute) {
        this(burst, perMinute, System::nanoTime);
    }

    DeviceRateLimit(int burst, int perMinute, LongSupplier nanoTime) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("the rate limit needs a burst and a rate of at least 1");
        }
        this.burst = burst;
        this.tokensPerNano = perMinute / 60e9;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the device's allowance. @throws RateLimitExceededException when none is left */
    public void take(String deviceId) {
        long waitNanos = buckets.computeIfAbsent(deviceId, id -> new Bucket(burst, nanoTime.getAsLong()))
            .take(nanoTime.getAsLong());
        if (waitNanos > 0) {
            throw new RateLimitExceededException(deviceId, Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
        }
    }

    /** One device's allowance. */
    private final class Bucket {

        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }

        /** Takes a token; returns 0, or how long until one is there. */
        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + (now - updatedNanos) * tokensPerNano);
            updatedNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) / tokensPerNano);
        }
    }
}
