package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.background.RepeatingTask;
import io.kioskfleet.core.store.FleetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps used nonces in memory, per ten-minute bucket, and writes them to the store behind the
 * requests, every {@code writeEvery} one document per bucket holding the keys of the nonces used
 * since the last write ({@link NonceBuckets}): a request waits for no store write, and the store
 * takes a few small writes a second, whatever the rate of requests.
 * The buckets still in reach are read back from the store when the ledger is built, so after a
 * clean restart (which writes everything first) a replay is still refused.
 *
 * <p>For ONE instance only, which is what the embedded store allows (it is in-process). Two
 * instances on one MongoDB would not see each other's nonces; use {@link PerRequestNonceLedger}
 * there. The price: a nonce not yet written when the process is killed is forgotten, so a
 * request captured within the last {@code writeEvery} (plus the write in flight) before a crash
 * could be replayed once after the restart, until its timestamp is {@link #MAX_SKEW} old.
 *
 * <p>Memory: one fingerprint per accepted request while its bucket is in reach, at most fifteen
 * minutes (the bucket's ten plus the skew): about 16 bytes each ({@link NonceFingerprints}), so
 * 3,000 check-ins a second hold some 2.7 million, about 45 MB.
 */
public final class WriteBehindNonceLedger implements NonceLedger {

    private static final Logger log = LoggerFactory.getLogger(WriteBehindNonceLedger.class);
    /** About 650 KB of keys, far under MongoDB's 16 MB a document; 250 ms of 30,000 requests a second are 7,500. */
    private static final int MAX_KEYS_PER_DOCUMENT = 10_000;

    private final NonceBuckets buckets;
    private final Clock clock;
    /** Every nonce key in reach, by bucket number; a bucket is dropped whole once out of reach. */
    private final ConcurrentMap<Long, NonceFingerprints> used = new ConcurrentHashMap<>();
    /** Accepted nonces the store does not have yet, oldest first. */
    private final Queue<UsedNonce> unwritten = new ConcurrentLinkedQueue<>();
    private final RepeatingTask writer;
    /** The oldest bucket in reach at the last drop: when it moves on, the buckets before it go. */
    private long oldestInReach = Long.MIN_VALUE;

    /**
     * Reads the nonces still in reach from the store, then writes new ones every {@code writeEvery}
     * ({@link Duration#ZERO}: only when {@link #flush()} is called, for tests).
     */
    public WriteBehindNonceLedger(FleetStore store, Clock clock, Duration writeEvery) {
        this.buckets = new NonceBuckets(store);
        this.clock = clock;
        buckets.readLive(clock.instant(), stored -> fingerprintsOf(stored.bucket()).addFingerprint(stored.fingerprint()));
        this.writer = new RepeatingTask(writeEvery, "write used nonces", this::flush);
    }

    @Override
    public boolean firstUse(String deviceId, String nonce, Instant signedAt) {
        UsedNonce mine = new UsedNonce(deviceId, nonce, signedAt);
        // The add is atomic: of two requests with the same nonce, exactly one is first.
        if (!fingerprintsOf(mine.bucket()).add(mine.key())) {
            return false;
        }
        unwritten.add(mine);
        return true;
    }

    /**
     * Writes every nonce not yet written, one document per bucket, and drops the buckets out of
     * reach, in memory and in the store. Nonces that could not be written are kept for the next
     * time.
     *
     * @return how many nonces were written
     */
    public synchronized int flush() {
        Map<Long, List<UsedNonce>> byBucket = new TreeMap<>();
        for (UsedNonce next = unwritten.poll(); next != null; next = unwritten.poll()) {
            byBucket.computeIfAbsent(next.bucket(), b -> new ArrayList<>()).add(next);
        }
        int written = 0;
        RuntimeException failure = null;
        for (Map.Entry<Long, List<UsedNonce>> bucket : byBucket.entrySet()) {
            List<UsedNonce> nonces = bucket.getValue();
            for (int from = 0; from < nonces.size(); from += MAX_KEYS_PER_DOCUMENT) {
                List<UsedNonce> batch = nonces.subList(from, Math.min(nonces.size(), from + MAX_KEYS_PER_DOCUMENT));
                try {
                    buckets.insertBatch(bucket.getKey(), batch);
                    written += batch.size();
                } catch (RuntimeException e) {
                    unwritten.addAll(batch);
                    failure = e;
                }
            }
        }
        if (NonceBuckets.oldestNeeded(clock.instant()) != oldestInReach) {
            dropExpiredBuckets(); // a bucket went out of reach: once in ten minutes
        }
        if (failure != null) {
            throw failure;
        }
        return written;
    }

    @Override
    public synchronized List<String> dropExpiredBuckets() {
        Instant now = clock.instant();
        long oldestNeeded = NonceBuckets.oldestNeeded(now);
        oldestInReach = oldestNeeded;
        used.keySet().removeIf(bucket -> bucket < oldestNeeded);
        unwritten.removeIf(nonce -> nonce.bucket() < oldestNeeded);
        return buckets.dropExpired(now);
    }

    /** How many nonces are held in memory (written or not). */
    public long size() {
        return used.values().stream().mapToLong(NonceFingerprints::size).sum();
    }

    /** Stops the timer and writes what is left, so a clean restart forgets no nonce. */
    @Override
    public void close() {
        writer.close();
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Could not write {} used nonces at shutdown; they can be replayed until their timestamps are {} old: {}",
                unwritten.size(), MAX_SKEW, e.getMessage());
        }
    }

    private NonceFingerprints fingerprintsOf(long bucket) {
        return used.computeIfAbsent(bucket, b -> new NonceFingerprints());
    }
}
