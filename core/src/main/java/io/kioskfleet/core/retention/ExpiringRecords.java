package io.kioskfleet.core.retention;

import java.time.Instant;
import java.util.List;

/**
 * Records kept one document each in a collection of their own (not in month collections), which
 * the retention purge removes once what they cover ended before its cutoff: few enough to list.
 */
public interface ExpiringRecords {

    /** The collection they are kept in, named in the audit chain's note of each removal. */
    String collectionName();

    /** The ids of those whose covered time ended before {@code keepFrom}. */
    List<String> expiredBefore(Instant keepFrom);

    /** Removes the record {@code id}. */
    void remove(String id);
}
