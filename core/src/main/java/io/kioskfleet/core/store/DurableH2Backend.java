package io.kioskfleet.core.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's file backend, committing every write before it is acknowledged.
 *
 * <p>H2's MVStore commits in the background about once a second, so a process killed with
 * SIGKILL would lose the last second of acknowledged writes. Committing after each write
 * command makes an acknowledgement mean "on disk" (in the OS page cache, which survives a
 * killed process).
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
        "insert", "update", "delete", "findandmodify", "createindexes", "create", "drop",
        "dropindexes", "dropdatabase", "renamecollection", "aggregate");

    DurableH2Backend(MVStore store) {
        super(store);
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
