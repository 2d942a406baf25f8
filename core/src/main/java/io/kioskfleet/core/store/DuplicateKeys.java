package io.kioskfleet.core.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoBulkWriteException;

/** Recognises the store's answer to a write that broke a unique index. */
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
}
