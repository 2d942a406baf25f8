package io.kioskfleet.core.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Recognises the store's answer to a write that broke a unique index, and inserts keyed documents that may exist already. */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** True when {@code e} says a unique index refused the write (code 11000). */
    public static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return e.getCode() == 11000;
    }

    /**
     * Inserts {@code documents} in one unordered write, where a document whose unique key is
     * already taken is simply not inserted (the keyed, repeatable insert every idempotent step
     * here uses).
     *
     * @return the positions in {@code documents} that were refused as duplicates
     * @throws MongoException for any other refusal
     */
    public static <T> Set<Integer> insertEach(MongoCollection<T> collection, List<? extends T> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<Integer> refused = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            return refused;
        }
    }

    /** Like {@link #insertEach}, answering with the documents that were new. */
    public static <T> List<T> insertAbsent(MongoCollection<T> collection, List<? extends T> documents) {
        Set<Integer> refused = insertEach(collection, documents);
        List<T> inserted = new ArrayList<>(documents.size() - refused.size());
        for (int i = 0; i < documents.size(); i++) {
            if (!refused.contains(i)) {
                inserted.add(documents.get(i));
            }
        }
        return inserted;
    }

    /** Inserts {@code document} unless its unique key is taken: true when it was inserted. */
    public static <T> boolean insertIfAbsent(MongoCollection<T> collection, T document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            return false;
        }
    }
}
