package io.kioskfleet.core.sessions;

import com.mongodb.client.MongoCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sessions whose reading was started ahead, each month's query on a thread of its own, so the
 * store prepares them while the caller reads something else: the embedded store computes a
 * query's whole result before it answers with the first batch, on one core, and a report that
 * first reads the period's attestations can have the other core prepare its sessions meanwhile.
 * Hands them out in month order; close it to release what was not read.
 */
public final class PrefetchedSessions implements AutoCloseable {

    private final List<CompletableFuture<MongoCursor<Session>>> months = new ArrayList<>();

    PrefetchedSessions(List<Supplier<MongoCursor<Session>>> queries) {
        for (Supplier<MongoCursor<Session>> query : queries) {
            CompletableFuture<MongoCursor<Session>> opened = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    opened.complete(query.get());
                } catch (RuntimeException e) {
                    opened.completeExceptionally(e);
                }
            }, "prefetch sessions");
            reader.setDaemon(true);
            reader.start();
            months.add(opened);
        }
    }

    /** Hands every session to {@code each}, month by month, waiting for each month's query as needed. */
    public void forEach(Consumer<Session> each) {
        for (CompletableFuture<MongoCursor<Session>> month : months) {
            try (MongoCursor<Session> cursor = opened(month)) {
                cursor.forEachRemaining(each);
            }
        }
    }

    @Override
    public void close() {
        for (CompletableFuture<MongoCursor<Session>> month : months) {
            month.thenAccept(MongoCursor::close);
        }
    }

    private static MongoCursor<Session> opened(CompletableFuture<MongoCursor<Session>> month) {
        try {
            return month.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
