package io.kioskfleet.core.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the fleet's data lives: a MongoDB URI when one is given, else the embedded store in a
 * data directory.
 *
 * @param mongoUri       a MongoDB connection string, or blank for the embedded store
 * @param dataDir        the embedded store's directory (ignored when {@code mongoUri} is set)
 * @param databaseName   the database inside the store
 * @param connectTimeout how long start-up waits for an external MongoDB before giving up
 */
public record StoreSettings(String mongoUri, Path dataDir, String databaseName, Duration connectTimeout) {

    public StoreSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (databaseName == null || databaseName.isBlank()) {
            throw new IllegalArgumentException("databaseName must not be blank");
        }
        mongoUri = mongoUri == null ? "" : mongoUri.strip();
    }

    /** True when the embedded, in-process store is used. */
    public boolean embedded() {
        return mongoUri.isEmpty();
    }
}
