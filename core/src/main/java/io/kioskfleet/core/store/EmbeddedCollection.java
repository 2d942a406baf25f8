package io.kioskfleet.core.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * An embedded-store collection whose scans stream. H2's collection gathers every matching
 * document of a scan before it answers with the first batch, so reading a month of sessions held
 * the whole month on the heap at once (and the collector copied it to the old generation). Here a
 * plain scan — no sort, skip, limit or projection, a batch size given, as the services' streaming
 * reads are — answers with its first batch and keeps a cursor over the collection's documents
 * that reads and matches the next batch only when it is asked for. The cursor walks the documents
 * the collection held when the query began (H2's maps are copy-on-write): one added or removed
 * meanwhile does not change what it hands out, and one changed meanwhile may be handed out as
 * changed, as a MongoDB cursor may. Every other query is H2's own.
 */
final class EmbeddedCollection extends H2Collection {

    private final MVMap<Object, Document> documents;

    EmbeddedCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                       MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, documents, meta, cursors);
        this.documents = documents;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        boolean plainScan = batchSize > 0 && skip == 0 && limit == 0 && (orderBy == null || orderBy.isEmpty())
            && (fieldSelector == null || fieldSelector.isEmpty());
        if (!plainScan) {
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        Iterator<Document> matching = documents.values().stream()
            .filter(document -> documentMatchesQuery(document, query)).iterator();
        List<Document> first = next(matching, batchSize);
        if (!matching.hasNext()) {
            return new QueryResult(first);
        }
        StreamingCursor cursor = new StreamingCursor(cursorRegistry.generateCursorId(), matching);
        cursorRegistry.add(cursor);
        return new QueryResult(first, cursor);
    }

    private static List<Document> next(Iterator<Document> matching, int count) {
        List<Document> batch = new ArrayList<>(Math.min(count, 1024));
        while (batch.size() < count && matching.hasNext()) {
            batch.add(matching.next());
        }
        return batch;
    }

    /** The rest of a scan, read a batch at a time as the client asks for more. */
    private static final class StreamingCursor extends AbstractCursor {

        private final Iterator<Document> matching;

        StreamingCursor(long id, Iterator<Document> matching) {
            super(id);
            this.matching = matching;
        }

        @Override
        public synchronized boolean isEmpty() {
            return !matching.hasNext();
        }

        @Override
        public synchronized List<Document> takeDocuments(int count) {
            return next(matching, count > 0 ? count : Integer.MAX_VALUE);
        }
    }
}
