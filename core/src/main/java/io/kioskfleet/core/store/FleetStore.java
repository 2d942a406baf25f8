package io.kioskfleet.core.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open store every repository reads and writes: either the embedded, in-process server or
 * an external MongoDB reached through {@code MONGODB_URI}.
 */
public final class FleetStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetStore.class);

    private final MongoClient client;
    private final MongoDatabase database;
    private final EmbeddedStore embedded;
    private final String description;
    private final java.time.Duration timeout;
    private final IdLocks versionLocks = new IdLocks();
    private final java.nio.file.Path dataDir;

    private FleetStore(MongoClient client, MongoDatabase database, EmbeddedStore embedded, String description,
                       java.time.Duration timeout, java.nio.file.Path dataDir) {
        this.timeout = timeout;
        this.dataDir = dataDir;
        this.client = client;
        this.database = database;
        this.embedded = embedded;
        this.description = description;
    }

    /**
     * Opens the store the settings name and checks that it answers.
     *
     * @throws StoreUnavailableException with a one-line explanation when it cannot
     */
    public static FleetStore open(StoreSettings settings) {
        return settings.embedded() ? openEmbedded(settings) : openExternal(settings);
    }

    private static FleetStore openEmbedded(StoreSettings settings) {
        EmbeddedStore embedded = EmbeddedStore.open(settings.dataDir());
        MongoClient client = MongoClients.create(clientSettings(new ConnectionString(embedded.connectionString()), settings));
        String description = "embedded store, data in " + embedded.file();
        FleetStore store = new FleetStore(client, client.getDatabase(settings.databaseName()), embedded, description,
            settings.connectTimeout(), settings.dataDir());
        try {
            store.ping();
        } catch (StoreUnavailableException e) {
            store.close(); // releases the data file's lock
            throw e;
        }
        log.info("Store: {}", description);
        return store;
    }

    private static FleetStore openExternal(StoreSettings settings) {
        ConnectionString uri = parse(settings.mongoUri());
        String database = Optional.ofNullable(uri.getDatabase()).orElse(settings.databaseName());
        MongoClient client = MongoClients.create(clientSettings(uri, settings));
        String description = "MongoDB at " + String.join(",", uri.getHosts()) + ", database " + database;
        FleetStore store = new FleetStore(client, client.getDatabase(database), null, description, settings.connectTimeout(),
            settings.dataDir());
        try {
            store.ping();
        } catch (StoreUnavailableException e) {
            store.close();
            throw e;
        }
        log.info("Store: {}", description);
        return store;
    }

    private static ConnectionString parse(String uri) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new StoreUnavailableException("MONGODB_URI is not a MongoDB connection string (" + e.getMessage()
                + "); use mongodb://host:port/database or unset it to use the embedded store", e);
        }
    }

    private static MongoClientSettings clientSettings(ConnectionString uri, StoreSettings settings) {
        long timeoutMillis = settings.connectTimeout().toMillis();
        return MongoClientSettings.builder()
            .applyConnectionString(uri)
            .codecRegistry(StoreCodecs.registry())
            .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeoutMillis, TimeUnit.MILLISECONDS))
            .applyToSocketSettings(socket -> socket.connectTimeout((int) timeoutMillis, TimeUnit.MILLISECONDS))
            .build();
    }

    /**
     * Asks the store to answer a ping.
     *
     * @throws StoreUnavailableException when it does not
     */
    public void ping() {
        try {
            database.runCommand(new Document("ping", 1));
        } catch (MongoTimeoutException e) {
            throw new StoreUnavailableException("cannot reach the store (" + description + "): no answer within "
                + timeout.toSeconds() + "s; check MONGODB_URI and that MongoDB is running, or unset MONGODB_URI to use the embedded store", e);
        } catch (MongoException e) {
            throw new StoreUnavailableException("cannot reach the store (" + description + "): "
                + firstLine(e.getMessage())
                + "; check MONGODB_URI and that MongoDB is running, or unset MONGODB_URI to use the embedded store", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no answer";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** A typed collection, encoded and decoded through the store's codecs. */
    public <T> MongoCollection<T> collection(String name, Class<T> type) {
        return database.getCollection(name, type);
    }

    /** The database, for the rare caller that needs raw documents. */
    public MongoDatabase database() {
        return database;
    }

    /** Which store is in use and where, for the start-up log and the health endpoint. */
    public String description() {
        return description;
    }

    /**
     * Version-checked writes to {@code collection} (see {@link VersionedDocuments}), checked in the
     * write's filter on MongoDB and under this process's locks on the embedded store.
     *
     * @param kind      what the documents are, in words, for error messages ("device")
     * @param versionOf reads a document's version
     */
    public <T> VersionedDocuments<T> versioned(MongoCollection<T> collection, String kind, ToLongFunction<T> versionOf) {
        return new VersionedDocuments<>(collection, kind, versionOf, embedded != null ? versionLocks : null);
    }

    /**
     * Answers {@code work} run holding this process's locks of the documents {@code ids}, the ones
     * the embedded store's version-checked writes take: for conditional writes that must not scan
     * there (check by {@code _id}, then write by {@code _id}, a whole batch in one bulk write).
     * Meaningful on the embedded store only.
     */
    public <T> T withDocumentLocks(Collection<String> ids, Supplier<T> work) {
        return versionLocks.callHoldingAll(ids, work);
    }

    /**
     * The data directory, also with an external MongoDB: where the server keeps its secrets
     * ({@link KeyFile}s) outside the database whose records they vouch for.
     */
    public java.nio.file.Path dataDir() {
        return dataDir;
    }

    /** True when this is the embedded, in-process store. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
