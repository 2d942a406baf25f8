package io.kioskfleet.core.checkin;

import io.kioskfleet.core.background.RepeatingTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Coalesces check-ins into bulk writes: a check-in only replaces its device's entry in memory,
 * and every few seconds all entries are written in one bulk write. A device that checks in twice
 * between writes costs one document write, and a check-in never waits for the store.
 *
 * <p>What a crash loses is at most the last interval's presence, which the next check-in of each
 * device restores.
 */
public final class PresenceWriter implements AutoCloseable {

    private final PresenceRepository repository;
    private final ConcurrentMap<String, PresenceUpdate> pending = new ConcurrentHashMap<>();
    private final RepeatingTask timer;
    private final List<Consumer<DevicePresence>> writtenListeners = new CopyOnWriteArrayList<>();

    /** A writer that flushes every {@code every}; {@link Duration#ZERO}: only when {@link #flush()} is called. */
    public PresenceWriter(PresenceRepository repository, Duration every) {
        this.repository = repository;
        this.timer = new RepeatingTask(every, "write device presence", this::flush);
    }

    /** Calls {@code listener} with each device's latest check-in once a flush has written it (for in-memory read models). */
    public void whenWritten(Consumer<DevicePresence> listener) {
        writtenListeners.add(listener);
    }

    /** Notes a check-in; it reaches the store with the next flush. */
    void note(DevicePresence presence) {
        pending.merge(presence.deviceId(), PresenceUpdate.of(presence), PresenceUpdate::then);
    }

    /**
     * Writes everything noted so far in one bulk write.
     *
     * @return how many devices were written
     */
    public synchronized int flush() {
        List<PresenceUpdate> batch = new ArrayList<>();
        for (String deviceId : List.copyOf(pending.keySet())) {
            PresenceUpdate latest = pending.remove(deviceId);
            if (latest != null) {
                batch.add(latest);
            }
        }
        try {
            repository.writeAll(batch);
        } catch (RuntimeException e) {
            // Put them back, before any check-in that came meanwhile; the next flush tries again.
            batch.forEach(update -> pending.merge(update.latest().deviceId(), update, PresenceUpdate::then));
            throw e;
        }
        if (!writtenListeners.isEmpty()) {
            batch.forEach(update -> writtenListeners.forEach(listener -> listener.accept(update.latest())));
        }
        return batch.size();
    }

    /** Stops the timer and writes what is left. */
    @Override
    public void close() {
        timer.close();
        timer.runNow();
    }
}
