package io.kioskfleet.core.deviceauth;

import java.time.Instant;
import java.util.Objects;

/**
 * One accepted request's nonce, as it is stored: under {@link #key()} in the collection of its
 * bucket ({@link #bucket()}).
 *
 * @param deviceId the device that signed the request
 * @param nonce    its {@code X-KF-Nonce}
 * @param signedAt its {@code X-KF-Timestamp}
 */
record UsedNonce(String deviceId, String nonce, Instant signedAt) {

    private static final int MILLIS_DIGITS = 13;

    UsedNonce {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signedAt, "signedAt");
    }

    /**
     * {@code <signed time in milliseconds, 13 digits>:<deviceId>:<nonce>}. The time comes first
     * so that keys arrive in nearly ascending order: a batch of inserts touches a few pages of
     * the store's tree at its end, not one page per nonce, which keeps each commit small.
     */
    String key() {
        // Not String.format: this runs on every request, and the formatter showed in its profile.
        String millis = Long.toString(signedAt.toEpochMilli());
        return "0".repeat(Math.max(0, MILLIS_DIGITS - millis.length())) + millis + ":" + deviceId + ":" + nonce;
    }

    /** The number of the ten-minute bucket its signed time falls in. */
    long bucket() {
        return NonceBuckets.bucketOf(signedAt);
    }
}
