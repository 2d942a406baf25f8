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
 */
public final class VersionedDocuments<T> {

    private final MongoCollection<T> collection;
    private final String kind;
    private final ToLongFunction<T> versionOf;

    /**
     * @param collection the documents
     * @param kind       what they are, in words, for error messages ("device")
     * @param versionOf  reads a document's version
     */
    public VersionedDocuments(MongoCollection<T> collection, String kind, ToLongFunction<T> versionOf) {
        this.collection = collection;
        this.kind = kind;
        this.versionOf = versionOf;
    }

    /** The document with {@code id}, if there is one. */
    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    /** Replaces the document with {@code changed} if it is still at {@code expectedVersion}. */
    public void replace(String id, T changed, long expectedVersion) {
        if (collection.replaceOne(atVersion(id, expectedVersion), changed).getMatchedCount() == 0) {
            throw staleOrMissing(id, expectedVersion);
        }
    }

    /** Applies {@code update} to the document if it is still at {@code expectedVersion}. */
    public void update(String id, long expectedVersion, Bson update) {
        if (collection.updateOne(atVersion(id, expectedVersion), update).getMatchedCount() == 0) {
            throw staleOrMissing(id, expectedVersion);
        }
    }

    /** Removes the document if it is still at {@code expectedVersion}. */
    public void delete(String id, long expectedVersion) {
        if (collection.deleteOne(atVersion(id, expectedVersion)).getDeletedCount() == 0) {
            throw staleOrMissing(id, expectedVersion);
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
