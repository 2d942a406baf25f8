package io.kioskfleet.core.store;

import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every declared index at start-up. Creating an index that exists is a no-op, so this
 * runs on every start and on every instance.
 */
public final class IndexBootstrap {

    private static final Logger log = LoggerFactory.getLogger(IndexBootstrap.class);

    private final FleetStore store;

    public IndexBootstrap(FleetStore store) {
        this.store = store;
    }

    /** Creates the indexes of each repository. */
    public void createAll(List<? extends DeclaresIndexes> repositories) {
        for (DeclaresIndexes repository : repositories) {
            if (!repository.indexes().isEmpty()) {
                store.collection(repository.collectionName(), Document.class).createIndexes(repository.indexes());
                log.debug("Indexes ready on {}", repository.collectionName());
            }
        }
        if (store.isEmbedded()) {
            log.info("The embedded store enforces unique indexes and ignores the others; "
                + "a MongoDB replica set (MONGODB_URI) uses all of them");
        }
    }
}
