package io.kioskfleet.core.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.bson.conversions.Bson;

/**
 * Writes to a collection whose documents carry a {@code version}: a write names the version it
 * read and is refused when the stored one moved on (someone else changed it first) or is gone.
 *
 * <p>On MongoDB the check is the write's own filter ({@code _id} and {@code version}), atomic in
 * the server. The embedded store serves only a filter that is exactly {@code _id} from its index
 * and scans the whole collection for {@code _id} plus {@code version} (tens of milliseconds at
 * 30,000 documents, growing with the collection). As that store lives in this process and no
 * other can write to it, there the check is made here instead: under a lock per id, read by
 * {@code _id}, compare, write by {@code _id}. Get one from {@link FleetStore#versioned}.
 */
public final class VersionedDocuments<T> {

    private final MongoCollection<T> collection;
    private final String kind;
    private final ToLongFunction<T> versionOf;
    private final IdLocks locks;

    /**
     * @param collection the documents
     * @param kind       what they are, in words, for error messages ("device")
     * @param versionOf  reads a document's version
     * @param locks      for the embedded store, the locks under which this process checks versions
     *                   itself; null where the store checks them in the write's filter
     */
    VersionedDocuments(MongoCollection<T> collection, String kind, ToLongFunction<T> versionOf, IdLocks locks) {
        this.collection = collection;
        this.kind = kind;
        this.versionOf = versionOf;
        this.locks = locks;
    }

    /** The document with {@code id}, if there is one. */
    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    /** Replaces the document with {@code changed} if it is still at {@code expectedVersion}. */
    public void replace(String id, T changed, long expectedVersion) {
        if (locks != null) {
            locks.run(id, () -> {
                requireVersion(id, expectedVersion);
                collection.replaceOne(eq("_id", id), changed);
            });
        } else if (collection.replaceOne(atVersion(id, expectedVersion), changed).getMatchedCount() == 0) {
            throw staleOrMissing(id, expectedVersion);
        }
    }

    /** Applies {@code update} to the document if it is still at {@code expectedVersion}. */
    public void update(String id, long expectedVersion, Bson update) {
        if (locks != null) {
            locks.run(id, () -> {
                requireVersion(id, expectedVersion);
                collection.updateOne(eq("_id", id), update);
            });
        } else if (collection.updateOne(atVersion(id, expectedVersion), update).getMatchedCount() == 0) {
            throw staleOrMissing(id, expectedVersion);
        }
    }

    /** Removes the document if it is still at {@code expectedVersion}. */
    public void delete(String id, long expectedVersion) {
        if (locks != null) {
            locks.run(id, () -> {
                requireVersion(id, expectedVersion);
                collection.deleteOne(eq("_id", id));
            });
        } else if (collection.deleteOne(atVersion(id, expectedVersion)).getDeletedCount() == 0) {
            throw staleOrMissing(id, expectedVersion);
        }
    }

    private void requireVersion(String id, long expectedVersion) {
        T current = find(id).orElseThrow(() -> new NotFoundException(kind, id));
        long stored = versionOf.applyAsLong(current);
        if (stored != expectedVersion) {
            throw new VersionConflictException(kind, id, expectedVersion, stored);
        }
    }

    /** Why a write at {@code expectedVersion} found nothing: a newer version, or no document at all. */
    public RuntimeException staleOrMissing(String id, long expectedVersion) {
        return find(id)
            .<RuntimeException>map(current -> new VersionConflictException(kind, id, expectedVersion, versionOf.applyAsLong(current)))
            .orElseGet(() -> new NotFoundException(kind, id));
    }

    private static Bson atVersion(String id, long version) {
        return and(eq("_id", id), eq("version", version));
    }
}
