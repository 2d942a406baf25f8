package io.kioskfleet.core.store;

import de.bwaldvogel.mongo.MongoDatabase;
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

/**
 * The embedded store's file backend, committing every write before it is acknowledged.
 *
 * <p>H2's MVStore commits in the background about once a second, so a process killed with
 * SIGKILL would lose the last second of acknowledged writes. Committing after each write
 * command makes an acknowledgement mean "on disk" (in the OS page cache, which survives a
 * killed process).
 *
 * <p>Its unique indexes order their keys with {@link UniqueKeyOrder}, which serializes each key
 * once instead of at every comparison (same file format, same order).
 */
final class DurableH2Backend extends H2Backend {

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
     * H2's database with unique indexes ordered by {@link UniqueKeyOrder}. An inner class: the
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
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<KeyValue, Object> map = DurableH2Backend.this.getMvStore().openMap(mapName,
                new MVMap.Builder<KeyValue, Object>().keyType(new UniqueKeyOrder()));
            return new EmbeddedUniqueIndex(map, indexName, keys, sparse);
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
