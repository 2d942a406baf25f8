package io.kioskfleet.core.deviceauth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * Where used nonces are stored, in collections per ten minutes of the request's signed time, in
 * one of two shapes. {@code device_nonces_<bucket number>}: each nonce a document whose
 * {@code _id} is {@link UsedNonce#key()} (unique, and fast on the embedded store), so a replay
 * is refused by the store itself ({@link PerRequestNonceLedger}). {@code
 * device_nonce_batches_<bucket number>}: one document per write holding the fingerprints of many
 * nonces ({@link NonceFingerprints}, 8 bytes each in one binary field), for a ledger that decides
 * in memory and only needs the store to remember across a restart ({@link
 * WriteBehindNonceLedger}); one insert per write instead of one per nonce, each of which costs the
 * embedded store a unique-index lookup. (Batches written before fingerprints hold the keys
 * themselves, {@code keys}; they are read as their fingerprints. Key strings in the store also
 * stayed on the heap: the embedded store's page cache kept millions of them.) Nothing expires one by one (the
 * embedded store has no TTL indexes): once a bucket's ten minutes plus {@link
 * NonceLedger#MAX_SKEW} have passed, no request for it can be accepted and its collections are
 * dropped whole.
 */
final class NonceBuckets {

    static final String COLLECTION_PREFIX = "device_nonces_";
    static final String BATCH_COLLECTION_PREFIX = "device_nonce_batches_";
    static final Duration BUCKET = Duration.ofMinutes(10);
    private static final String FINGERPRINTS = "fingerprints";

    private static final long NOT_OURS = Long.MAX_VALUE;

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
        return DuplicateKeys.insertEach(collection(bucket),
            nonces.stream().map(used -> new Document("_id", used.key()).append("at", used.signedAt())).toList());
    }

    /**
     * Stores the fingerprints of {@code nonces}, all of bucket {@code bucket}, as one document. A
     * batch written twice (a retry after a failure that had written it after all) does no harm.
     */
    void insertBatch(long bucket, List<UsedNonce> nonces) {
        ByteBuffer fingerprints = ByteBuffer.allocate(nonces.size() * Long.BYTES);
        nonces.forEach(used -> fingerprints.putLong(NonceFingerprints.fingerprint(used.key())));
        batchCollection(bucket).insertOne(new Document("_id", new ObjectId())
            .append(FINGERPRINTS, new Binary(fingerprints.array())));
    }

    /**
     * Hands every stored key, of either shape, of every bucket a request accepted at {@code now}
     * may fall into to {@code sink}.
     */
    void readLive(Instant now, Consumer<StoredKey> sink) {
        long oldestNeeded = oldestNeeded(now);
        for (String name : store.database().listCollectionNames()) {
            long bucket = bucketNumber(name);
            if (bucket < oldestNeeded || bucket == NOT_OURS) {
                continue;
            }
            if (name.startsWith(BATCH_COLLECTION_PREFIX)) {
                for (Document batch : batchCollection(bucket).find()) {
                    fingerprintsIn(batch).forEach(fingerprint -> sink.accept(new StoredKey(bucket, fingerprint)));
                }
            } else {
                for (Document stored : collection(bucket).find().projection(Projections.include("_id"))) {
                    sink.accept(new StoredKey(bucket, NonceFingerprints.fingerprint(stored.getString("_id"))));
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

    /** The fingerprints a batch document holds, of either shape. */
    static LongStream fingerprintsIn(Document batch) {
        Binary packed = batch.get(FINGERPRINTS, Binary.class);
        if (packed == null) {
            return batch.getList("keys", String.class).stream().mapToLong(NonceFingerprints::fingerprint);
        }
        ByteBuffer fingerprints = ByteBuffer.wrap(packed.getData());
        return LongStream.range(0, fingerprints.capacity() / Long.BYTES).map(i -> fingerprints.getLong((int) i * Long.BYTES));
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

    private MongoCollection<Document> batchCollection(long bucket) {
        return store.collection(BATCH_COLLECTION_PREFIX + bucket, Document.class);
    }

    /** The bucket number in one of our collections' names; {@link #NOT_OURS} (never dropped) for any other. */
    private static long bucketNumber(String collectionName) {
        String prefix = collectionName.startsWith(COLLECTION_PREFIX) ? COLLECTION_PREFIX
            : collectionName.startsWith(BATCH_COLLECTION_PREFIX) ? BATCH_COLLECTION_PREFIX : null;
        if (prefix == null) {
            return NOT_OURS;
        }
        try {
            return Long.parseLong(collectionName.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return NOT_OURS;
        }
    }

    /** A nonce key found in the store, with its bucket. */
    record StoredKey(long bucket, long fingerprint) {
    }
}
