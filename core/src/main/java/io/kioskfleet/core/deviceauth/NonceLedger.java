package io.kioskfleet.core.deviceauth;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Remembers the nonces devices used, so a replayed request is refused. A nonce is stored under
 * {@code deviceId:nonce} as the {@code _id} (unique, and fast on the embedded store) in a
 * collection per ten minutes of the request's signed timestamp. A replay carries the same
 * signed timestamp, so it lands in the same collection and hits the same key.
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

    private final FleetStore store;
    private final Clock clock;
    private final AtomicLong nextSweepMillis = new AtomicLong();

    public NonceLedger(FleetStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records that {@code deviceId} used {@code nonce} in a request signed at {@code signedAt}.
     *
     * @return false when it used that nonce before (a replay)
     */
    boolean firstUse(String deviceId, String nonce, Instant signedAt) {
        sweepNowAndThen();
        MongoCollection<Document> bucket = store.collection(bucketName(signedAt), Document.class);
        try {
            bucket.insertOne(new Document("_id", deviceId + ":" + nonce).append("at", signedAt));
            return true;
        } catch (MongoException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
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
