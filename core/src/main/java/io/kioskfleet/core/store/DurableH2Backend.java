package io.kioskfleet.core.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;

/**
 * The embedded store's file backend, committing every write before it is acknowledged.
 *
 * <p>H2's MVStore commits in the background about once a second, so a process killed with
 * SIGKILL would lose the last second of acknowledged writes. Committing after each write
 * command makes an acknowledgement mean "on disk" (in the OS page cache, which survives a
 * killed process).
 *
 * <p>Its unique indexes created from now on keep their keys as {@link IndexKeyType}; those of an
 * older store keep H2's Java serialisation, ordered by {@link UniqueKeyOrder}, which serializes
 * each key once instead of at every comparison (same file format, same order).
 */
final class DurableH2Backend extends H2Backend {

    /** H2's database's names for a collection's maps: its documents and its meta data. */
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";
    /** In a collection's meta map: how its documents are stored; absent = Java serialisation. */
    private static final String FORMAT_KEY = "kioskfleet.documentFormat";
    private static final String BSON_FORMAT = "bson";
    /**
     * In a collection's meta map, followed by an index's name: how that index's keys are stored;
     * absent = Java serialisation ({@link UniqueKeyOrder}), else {@link IndexKeyType}.
     */
    private static final String INDEX_FORMAT_KEY_PREFIX = "kioskfleet.indexKeys.";
    private static final String TYPED_KEYS = "typed";

    private static final Set<String> WRITE_COMMANDS = Set.of(
        "insert", "update", "delete", "findandmodify", "createindexes", "create", "drop",
        "dropindexes", "dropdatabase", "renamecollection", "aggregate");

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * H2's database with our own unique indexes ({@link IndexKeyType} or, for older ones, {@link
     * UniqueKeyOrder}) and collections ({@link EmbeddedCollection}). An inner class: the
     * superclass constructor opens the existing indexes, before any field of a subclass is set,
     * but the enclosing backend (and its MVStore) is already there.
     */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, DurableH2Backend.this.getMvStore(), DurableH2Backend.this.getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            // The map name is H2Database's own (private there), so existing index files are found again.
            String fullName = getFullCollectionNamespace(collectionName);
            String mapName = fullName + "._index_" + indexName;
            MVStore mvStore = DurableH2Backend.this.getMvStore();
            MVMap<String, Object> meta = mvStore.openMap(META_MAP_PREFIX + fullName);
            String formatKey = INDEX_FORMAT_KEY_PREFIX + indexName;
            if (!mvStore.hasMap(mapName)) {
                meta.put(formatKey, TYPED_KEYS);
            }
            DataType<? super KeyValue> keyType = TYPED_KEYS.equals(meta.get(formatKey)) ? IndexKeyType.INSTANCE : new UniqueKeyOrder();
            MVMap<KeyValue, Object> map = mvStore.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(keyType));
            return new EmbeddedUniqueIndex(map, indexName, keys, sparse);
        }

        /**
         * Opens a collection as H2's database does (same map names), with scans that stream
         * ({@link EmbeddedCollection}), storing the documents of a
         * collection created from now on as BSON ({@link BsonDocumentType}); one created before
         * keeps H2's default, Java serialisation. Which one a collection uses is noted in its own
         * meta map, so it travels with the collection.
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVStore mvStore = DurableH2Backend.this.getMvStore();
            String dataName = DATA_MAP_PREFIX + fullName;
            boolean created = !mvStore.hasMap(dataName);
            MVMap<String, Object> meta = mvStore.openMap(META_MAP_PREFIX + fullName);
            if (created) {
                meta.put(FORMAT_KEY, BSON_FORMAT);
            }
            MVMap<Object, Document> data = BSON_FORMAT.equals(meta.get(FORMAT_KEY))
                ? mvStore.openMap(dataName, new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE))
                : mvStore.openMap(dataName);
            return new EmbeddedCollection(this, collectionName, options, data, meta, DurableH2Backend.this.getCursorRegistry());
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (WRITE_COMMANDS.contains(command.toLowerCase(java.util.Locale.ROOT))) {
                commit();
            }
        }
    }
}
