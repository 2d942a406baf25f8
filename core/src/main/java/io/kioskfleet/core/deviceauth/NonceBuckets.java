package io.kioskfleet.core.deviceauth;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import io.kioskfleet.core.store.FleetStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Where used nonces are stored: a collection per ten minutes of the request's signed time
 * ({@code device_nonces_<bucket number>}), each nonce a document whose {@code _id} is
 * {@link UsedNonce#key()} (unique, and fast on the embedded store). A replay lands in the same
 * collection under the same key. Nothing expires one by one (the embedded store has no TTL
 * indexes): once a bucket's ten minutes plus {@link NonceLedger#MAX_SKEW} have passed, no
 * request for it can be accepted and the whole collection is dropped.
 */
final class NonceBuckets {

    static final String COLLECTION_PREFIX = "device_nonces_";
    static final Duration BUCKET = Duration.ofMinutes(10);

    private final FleetStore store;

    NonceBuckets(FleetStore store) {
        this.store = store;
    }

    /**
     * Stores {@code nonces}, all of bucket {@code bucket}, in one unordered bulk insert.
     *
     * @return the positions in {@code nonces} of those that were stored already (replays)
     * @throws RuntimeException what the store threw when any other could not be stored
     */
    Set<Integer> insert(long bucket, List<UsedNonce> nonces) {
        try {
            collection(bucket).insertMany(
                nonces.stream().map(used -> new Document("_id", used.key()).append("at", used.signedAt())).toList(),
                new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<Integer> duplicates = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
            return duplicates;
        }
    }

    /** Hands every stored key of every bucket a request signed at or after {@code now} minus the skew may fall in to {@code sink}. */
    void readLive(Instant now, Consumer<StoredKey> sink) {
        long oldestNeeded = oldestNeeded(now);
        for (String name : store.database().listCollectionNames()) {
            long bucket = bucketNumber(name);
            if (bucket >= oldestNeeded && bucket != Long.MAX_VALUE) {
                for (Document stored : collection(bucket).find().projection(Projections.include("_id"))) {
                    sink.accept(new StoredKey(bucket, stored.getString("_id")));
                }
            }
        }
    }

    /**
     * Drops the collection of every bucket no request accepted at {@code now} can fall into.
     *
     * @return the names of the dropped collections
     */
    List<String> dropExpired(Instant now) {
        long oldestNeeded = oldestNeeded(now);
        List<String> dropped = new ArrayList<>();
        for (String name : store.database().listCollectionNames()) {
            if (bucketNumber(name) < oldestNeeded) {
                store.database().getCollection(name).drop();
                dropped.add(name);
            }
        }
        return dropped;
    }

    /** The oldest bucket a request accepted at {@code now} can fall into. */
    static long oldestNeeded(Instant now) {
        return bucketOf(now.minus(NonceLedger.MAX_SKEW));
    }

    static long bucketOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), BUCKET.toMillis());
    }

    private MongoCollection<Document> collection(long bucket) {
        return store.collection(COLLECTION_PREFIX + bucket, Document.class);
    }

    private static long bucketNumber(String collectionName) {
        if (!collectionName.startsWith(COLLECTION_PREFIX)) {
            return Long.MAX_VALUE; // not ours: never dropped
        }
        try {
            return Long.parseLong(collectionName.substring(COLLECTION_PREFIX.length()));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A nonce key found in the store, with its bucket. */
    record StoredKey(long bucket, String key) {
    }
}
