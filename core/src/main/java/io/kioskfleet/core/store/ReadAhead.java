package io.kioskfleet.core.store;

import com.mongodb.client.MongoCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads query results ahead on a thread of its own into a small bounded buffer, so the store
 * prepares the next batch and the driver decodes it while the caller works on the last one:
 * reading a month of records, the store, the decoding and the caller's checks each keep a core
 * busy instead of waiting for each other in turn. Memory stays bounded by {@code capacity} records
 * whatever the size of the result. The queries (cursors) are read one after the other, in order.
 *
 * @param <T> what the queries hand out
 */
public final class ReadAhead<T> implements AutoCloseable {

    /** What the reading thread hands over in one piece: records, or the end, or a failure. */
    private record Chunk<T>(List<T> items, RuntimeException failure, boolean last) {
    }

    private static final int CHUNK = 250;

    private final BlockingQueue<Chunk<T>> chunks;
    private final Thread reader;
    private volatile boolean closed;

    /**
     * Starts reading {@code queries} now.
     *
     * @param capacity about how many records may wait (at least one chunk of {@value #CHUNK})
     */
    public ReadAhead(String name, List<Supplier<MongoCursor<T>>> queries, int capacity) {
        this.chunks = new ArrayBlockingQueue<>(Math.max(1, capacity / CHUNK));
        this.reader = new Thread(() -> readAll(queries), name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Hands every record to {@code each}, in order, waiting for the reader as needed. */
    public void forEach(Consumer<T> each) {
        while (true) {
            Chunk<T> chunk = take();
            if (chunk.failure() != null) {
                throw chunk.failure();
            }
            chunk.items().forEach(each);
            if (chunk.last()) {
                return;
            }
        }
    }

    /** Stops reading; what was not handed out is dropped. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }

    private void readAll(List<Supplier<MongoCursor<T>>> queries) {
        try {
            List<T> items = new ArrayList<>(CHUNK);
            for (Supplier<MongoCursor<T>> query : queries) {
                try (MongoCursor<T> cursor = query.get()) {
                    while (cursor.hasNext() && !closed) {
                        items.add(cursor.next());
                        if (items.size() == CHUNK) {
                            chunks.put(new Chunk<>(items, null, false));
                            items = new ArrayList<>(CHUNK);
                        }
                    }
                }
            }
            chunks.put(new Chunk<>(items, null, true));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                try {
                    chunks.put(new Chunk<>(List.of(), e, true));
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private Chunk<T> take() {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading ahead", e);
        }
    }
}
