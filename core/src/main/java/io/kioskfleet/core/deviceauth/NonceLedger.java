package io.kioskfleet.core.deviceauth;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import io.kioskfleet.core.store.FleetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Remembers the nonces devices used, so a replayed request is refused. A nonce is stored under
 * {@code <signed time in milliseconds, 13 digits>:<deviceId>:<nonce>} as the {@code _id} (unique,
 * and fast on the embedded store) in a collection per ten minutes of the request's signed
 * timestamp. A replay carries the same signed timestamp and nonce (the signature covers both), so
 * it lands in the same collection and hits the same key. The time comes first so that keys arrive
 * in nearly ascending order: a batch of inserts touches a few pages of the store's tree at its end,
 * not one page per nonce, which keeps each commit small.
 *
 * <p>Requests that arrive together share one write (group commit): the first waiting request
 * writes every nonce that waits, in one unordered bulk insert, while the others wait for it; a
 * request is admitted only once its nonce is stored. So the store sees one write per batch
 * rather than one per request, and a replay is refused after a restart and on any other
 * instance sharing the store, exactly as with one write per request. (Keeping nonces only in
 * memory and writing them later would be cheaper, but would admit a replay after a crash or
 * on another instance.)
 *
 * <p>Nothing has to expire one by one (the embedded store has no TTL indexes): a request is
 * accepted only within {@link #MAX_SKEW} of its timestamp, so once a bucket's window plus that
 * skew has passed, no request for it can be accepted and the whole collection is dropped.
 */
public final class NonceLedger {

    /** How far a request's timestamp may be from the server's clock, either way. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    static final String COLLECTION_PREFIX = "device_nonces_";
    static final Duration BUCKET = Duration.ofMinutes(10);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final int MAX_BATCH = 500;

    private final FleetStore store;
    private final Clock clock;
    private final AtomicLong nextSweepMillis = new AtomicLong();
    private final Object batchLock = new Object();
    private List<NonceUse> waiting = new ArrayList<>();
    private boolean writing;

    public NonceLedger(FleetStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records that {@code deviceId} used {@code nonce} in a request signed at {@code signedAt},
     * together with the nonces of the requests arriving at the same time.
     *
     * @return false when it used that nonce before (a replay)
     */
    boolean firstUse(String deviceId, String nonce, Instant signedAt) {
        sweepNowAndThen();
        NonceUse mine = new NonceUse(bucketName(signedAt),
            String.format("%013d:%s:%s", signedAt.toEpochMilli(), deviceId, nonce), signedAt);
        synchronized (batchLock) {
            waiting.add(mine);
        }
        while (!mine.settled()) {
            List<NonceUse> batch = takeBatchOrWait(mine);
            if (batch != null) {
                try {
                    write(batch);
                } finally {
                    batch.stream().filter(use -> !use.settled())
                        .forEach(use -> use.settle(false, new IllegalStateException("the nonce could not be stored")));
                    synchronized (batchLock) {
                        writing = false;
                        batchLock.notifyAll();
                    }
                }
            }
        }
        return mine.outcome();
    }

    /** The waiting nonces when no one is writing (this request then writes them), else null after waiting a while. */
    private List<NonceUse> takeBatchOrWait(NonceUse mine) {
        synchronized (batchLock) {
            if (mine.settled()) {
                return null;
            }
            if (!writing) {
                writing = true;
                // Usually every waiting nonce, its own among them; behind a long queue, the oldest first.
                List<NonceUse> oldest = waiting.subList(0, Math.min(MAX_BATCH, waiting.size()));
                List<NonceUse> batch = new ArrayList<>(oldest);
                oldest.clear();
                return batch;
            }
            try {
                batchLock.wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the nonce was being stored", e);
            }
            return null;
        }
    }

    /** Stores a batch, one unordered bulk insert per bucket, and settles each use: first, replay or failure. */
    private void write(List<NonceUse> batch) {
        Map<String, List<NonceUse>> byBucket = new LinkedHashMap<>();
        batch.forEach(use -> byBucket.computeIfAbsent(use.bucket(), b -> new ArrayList<>()).add(use));
        for (Map.Entry<String, List<NonceUse>> bucket : byBucket.entrySet()) {
            List<NonceUse> uses = bucket.getValue();
            try {
                store.collection(bucket.getKey(), Document.class).insertMany(
                    uses.stream().map(use -> new Document("_id", use.key()).append("at", use.signedAt())).toList(),
                    new InsertManyOptions().ordered(false));
                uses.forEach(use -> use.settle(true, null));
            } catch (MongoBulkWriteException e) {
                Set<Integer> replayed = new HashSet<>();
                RuntimeException other = null;
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                        replayed.add(error.getIndex());
                    } else {
                        other = e;
                    }
                }
                for (int i = 0; i < uses.size(); i++) {
                    uses.get(i).settle(!replayed.contains(i), replayed.contains(i) ? null : other);
                }
            } catch (RuntimeException e) {
                uses.forEach(use -> use.settle(false, e));
            }
        }
    }

    /**
     * Drops every bucket no accepted request can fall into any more.
     *
     * @return the names of the dropped collections
     */
    public List<String> dropExpiredBuckets() {
        long oldestNeeded = bucketOf(clock.instant().minus(MAX_SKEW));
        List<String> dropped = new ArrayList<>();
        for (String name : store.database().listCollectionNames()) {
            if (name.startsWith(COLLECTION_PREFIX) && bucketNumber(name) < oldestNeeded) {
                store.database().getCollection(name).drop();
                dropped.add(name);
            }
        }
        return dropped;
    }

    private void sweepNowAndThen() {
        long now = clock.millis();
        long due = nextSweepMillis.get();
        if (now >= due && nextSweepMillis.compareAndSet(due, now + SWEEP_EVERY.toMillis())) {
            dropExpiredBuckets();
        }
    }

    /** One request's nonce on its way to the store, and what became of it. */
    private static final class NonceUse {

        private final String bucket;
        private final String key;
        private final Instant signedAt;
        private volatile boolean settled;
        private boolean first;
        private RuntimeException failure;

        NonceUse(String bucket, String key, Instant signedAt) {
            this.bucket = bucket;
            this.key = key;
            this.signedAt = signedAt;
        }

        String bucket() {
            return bucket;
        }

        String key() {
            return key;
        }

        Instant signedAt() {
            return signedAt;
        }

        boolean settled() {
            return settled;
        }

        void settle(boolean firstUse, RuntimeException writeFailure) {
            this.first = firstUse;
            this.failure = writeFailure;
            this.settled = true; // written last: the fields above are visible to whoever reads this
        }

        /** True for a first use; throws what the store threw when the nonce could not be stored. */
        boolean outcome() {
            if (failure != null) {
                throw failure;
            }
            return first;
        }
    }

    static String bucketName(Instant signedAt) {
        return COLLECTION_PREFIX + bucketOf(signedAt);
    }

    private static long bucketOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), BUCKET.toMillis());
    }

    private static long bucketNumber(String collectionName) {
        try {
            return Long.parseLong(collectionName.substring(COLLECTION_PREFIX.length()));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // not ours: never dropped
        }
    }
}
