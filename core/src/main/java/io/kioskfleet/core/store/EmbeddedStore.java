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
    /**
     * H2's page cache, in MB (its default is 16). Small on purpose: a page read or written stays in
     * the cache for about the time between two young collections, so with 16 MB each young
     * collection at 3,000 check-ins a second copied 15–22 MB of cached pages that died soon after,
     * and those copies were most of the check-ins' p99; with 2 MB, 5 MB and a p99 of 38 ms instead of
     * 66–72 (bench/RESULTS.md, session 6). The operating system's file cache still keeps the file's
     * pages in memory, so a page read again costs its decoding, not a disk read.
     */
    static final int PAGE_CACHE_MB = 2;

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
            return new MVStore.Builder().fileName(file.toString()).cacheSize(PAGE_CACHE_MB).open();
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
