package io.kioskfleet.agentapi.auth;

/** A device sent more requests than its rate allows (an HTTP caller sees 429 with {@code Retry-After}). */
public class RateLimitExceededException extends RuntimeException {

    private final long retryAfterSeconds;

    public RateLimitExceededException(String deviceId, long retryAfterSeconds) {
        super("device " + deviceId + " sends too many requests; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
