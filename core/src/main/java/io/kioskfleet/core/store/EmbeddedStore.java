package io.kioskfleet.core.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The MongoDB-compatible server that runs inside this process, keeping its data in one file
 * under the data directory, so the service runs on a bare machine with only a JDK.
 */
final class EmbeddedStore implements AutoCloseable {

    static final String FILE_NAME = "kioskfleet.mv.db";

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    private EmbeddedStore(MongoServer server, InetSocketAddress address, Path file) {
        this.server = server;
        this.address = address;
        this.file = file;
    }

    /** Opens (or creates) the store in {@code dataDir} and listens on a loopback port. */
    static EmbeddedStore open(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        ensureWritable(dir);
        Path file = dir.resolve(FILE_NAME);
        MVStore mvStore = openFile(file);
        MongoServer server = new MongoServer(new DurableH2Backend(mvStore));
        InetSocketAddress address = server.bind();
        return new EmbeddedStore(server, address, file);
    }

    private static void ensureWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new StoreUnavailableException("cannot create data directory " + dir + " (" + e.getMessage()
                + "); set KIOSKFLEET_DATA_DIR to a writable directory", e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new StoreUnavailableException("data directory " + dir
                + " is not writable; set KIOSKFLEET_DATA_DIR to a writable directory or fix its permissions");
        }
    }

    private static MVStore openFile(Path file) {
        try {
            return new MVStore.Builder().fileName(file.toString()).open();
        } catch (MVStoreException e) {
            if (String.valueOf(e.getMessage()).contains("locked")) {
                throw new StoreUnavailableException("data file " + file
                    + " is in use by another process; stop the other KioskFleet or set KIOSKFLEET_DATA_DIR to another directory", e);
            }
            throw new StoreUnavailableException("cannot open data file " + file + " (" + e.getMessage()
                + "); restore it from a backup or move it away to start empty", e);
        }
    }

    /** A connection string for the driver. */
    String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
