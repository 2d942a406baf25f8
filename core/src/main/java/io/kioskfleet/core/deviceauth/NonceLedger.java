package io.kioskfleet.core.deviceauth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Remembers the nonces devices used, so a replayed request is refused. A replay carries the same
 * signed timestamp and nonce (the signature covers both), and a request is accepted only within
 * {@link #MAX_SKEW} of its timestamp, so a nonce needs remembering only that long: nonces are
 * kept per ten minutes of their signed time ({@link NonceBuckets}) and dropped a bucket at a time.
 *
 * <p>Two ways to keep them, chosen by {@link NonceMode}: {@link PerRequestNonceLedger} stores each
 * nonce before its request is admitted (several instances may share the store);
 * {@link WriteBehindNonceLedger} keeps them in memory and writes them in batches behind the
 * requests (one instance, the embedded store).
 */
public interface NonceLedger extends AutoCloseable {

    /** How far a request's timestamp may be from the server's clock, either way. */
    Duration MAX_SKEW = Duration.ofMinutes(5);

    /**
     * Records that {@code deviceId} used {@code nonce} in a request signed at {@code signedAt}
     * (which the caller checked to be within {@link #MAX_SKEW} of now).
     *
     * @return false when it used that nonce before (a replay)
     */
    boolean firstUse(String deviceId, String nonce, Instant signedAt);

    /**
     * Drops every bucket no accepted request can fall into any more.
     *
     * @return the names of the dropped collections
     */
    List<String> dropExpiredBuckets();

    /** Writes what is still only in memory, if anything. */
    @Override
    void close();
}
