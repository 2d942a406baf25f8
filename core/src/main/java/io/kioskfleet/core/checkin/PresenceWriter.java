package io.kioskfleet.core.checkin;

import io.kioskfleet.core.background.RepeatingTask;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces check-ins into bulk writes: a check-in only changes its device's entry in memory
 * ({@link PendingPresence}, changed in place), and every few seconds what is due is written in bulk
 * writes. A device that checks in twice between writes costs one document write, and a check-in
 * never waits for the store.
 *
 * <p>A device whose check-in says nothing new (see {@link PresenceNews}) is written at most
 * once every {@code unchangedWrittenEvery} (less a per-device part of up to a quarter of it, so the
 * fleet's periodic writes spread out): its later check-ins are only counted in memory until then.
 * So at thousands of check-ins a second the store writes what changed plus a trickle of
 * "still there", and what the console shows as last seen (fed by {@link #whenWritten}) is at most
 * that long plus one flush interval old.
 *
 * <p>What a crash loses is at most that long's presence, which the next check-in of each
 * device restores.
 */
public final class PresenceWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PresenceWriter.class);

    private final PresenceRepository repository;
    /**
     * Every device that checked in here, with what waits to be written and what was last written
     * (only this instance's writes); changed in place (see {@link PendingPresence}).
     */
    private final ConcurrentMap<String, PendingPresence> pending = new ConcurrentHashMap<>();
    private final SharedStrings shared = new SharedStrings();
    private final Duration unchangedWrittenEvery;
    private final Clock clock;
    private final RepeatingTask timer;
    private final List<Consumer<DevicePresence>> writtenListeners = new CopyOnWriteArrayList<>();

    /** A writer that writes every check-in with the next flush; see the other constructor. */
    public PresenceWriter(PresenceRepository repository, Duration every) {
        this(repository, every, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * A writer that flushes every {@code every} ({@link Duration#ZERO}: only when {@link #flush()}
     * is called) what changed, and the presence of a device whose check-ins bring nothing new only
     * once it was last written {@code unchangedWrittenEvery} ago.
     */
    public PresenceWriter(PresenceRepository repository, Duration every, Duration unchangedWrittenEvery, Clock clock) {
        if (unchangedWrittenEvery.isNegative()) {
            throw new IllegalArgumentException("unchangedWrittenEvery must not be negative");
        }
        this.repository = repository;
        this.unchangedWrittenEvery = unchangedWrittenEvery;
        this.clock = clock;
        this.timer = new RepeatingTask(every, "write device presence", this::flushDue);
    }

    /** Calls {@code listener} with each device's latest check-in once a flush has written it (for in-memory read models). */
    public void whenWritten(Consumer<DevicePresence> listener) {
        writtenListeners.add(listener);
    }

    /** Notes a check-in; it reaches the store with the next flush. */
    void note(DevicePresence presence) {
        pending.computeIfAbsent(presence.deviceId(), PendingPresence::new).note(presence, shared);
    }

    /**
     * Writes everything noted so far, due or not (for shutdown and tests).
     *
     * @return how many devices were written
     */
    public synchronized int flush() {
        return write((deviceId, device, now) -> true);
    }

    /**
     * Writes the devices whose presence changed since it was last written or
     * was last written {@code unchangedWrittenEvery} ago; the others wait in memory.
     *
     * @return how many devices were written
     */
    public synchronized int flushDue() {
        return write(this::isDue);
    }

    private boolean isDue(String deviceId, PendingPresence device, long now) {
        return device.isDue(now, unchangedIntervalOf(deviceId));
    }

    /**
     * How long {@code deviceId}'s unchanged presence waits: {@code unchangedWrittenEvery} less up
     * to a quarter of it, fixed per device. Devices first written together (a fleet arriving after
     * a restart) so drift apart, instead of all coming due in the same flush every time.
     */
    private long unchangedIntervalOf(String deviceId) {
        long every = unchangedWrittenEvery.toMillis();
        long spread = every / 4;
        return spread == 0 ? every : every - Math.floorMod(deviceId.hashCode(), spread);
    }

    /**
     * Takes the devices {@code due} picks and writes them one bulk write at a time, as they are
     * taken: a flush holds at most one bulk write's updates, however many devices are due and however
     * slow the store is. (Taking them all first held every due device's update until the last bulk
     * write was done: with a slow store a flush grew, the next one found more due, and on the
     * benchmark the heap filled with them, bench/RESULTS.md, session 6.) A bulk write that fails puts
     * its updates back and ends the flush; the devices not taken yet simply wait for the next one.
     */
    private int write(DuePresence due) {
        List<PresenceUpdate> batch = new ArrayList<>(PresenceRepository.WRITE_CHUNK);
        List<PendingPresence> from = new ArrayList<>(PresenceRepository.WRITE_CHUNK);
        long now = clock.millis();
        int written = 0;
        for (Map.Entry<String, PendingPresence> entry : pending.entrySet()) {
            PendingPresence device = entry.getValue();
            if (!due.test(entry.getKey(), device, now)) {
                continue;
            }
            PresenceUpdate update = device.take();
            if (update == null) {
                continue;
            }
            batch.add(update);
            from.add(device);
            if (batch.size() == PresenceRepository.WRITE_CHUNK) {
                written += writeTaken(batch, from);
            }
        }
        return written + writeTaken(batch, from);
    }

    /** Writes the taken updates in one bulk write, then empties both lists; on failure puts them back. */
    private int writeTaken(List<PresenceUpdate> batch, List<PendingPresence> from) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            repository.writeAll(batch);
        } catch (RuntimeException e) {
            // Put them back, before any check-in that came meanwhile; the next flush tries again.
            for (int i = 0; i < batch.size(); i++) {
                from.get(i).putBack(batch.get(i), shared);
            }
            throw e;
        }
        long writtenAt = clock.millis();
        for (int i = 0; i < batch.size(); i++) {
            from.get(i).written(batch.get(i), writtenAt);
        }
        if (!writtenListeners.isEmpty()) {
            batch.forEach(update -> writtenListeners.forEach(listener -> listener.accept(update.latest())));
        }
        int written = batch.size();
        batch.clear();
        from.clear();
        return written;
    }

    @FunctionalInterface
    private interface DuePresence {
        boolean test(String deviceId, PendingPresence device, long now);
    }

    /** How many devices' check-ins wait in memory to be written. */
    public int waiting() {
        return (int) pending.values().stream().filter(PendingPresence::waits).count();
    }

    /** Stops the timer and writes everything left, unchanged check-ins too (they are not due yet, but would be lost). */
    @Override
    public void close() {
        timer.close();
        try {
            flush();
        } catch (RuntimeException e) {
            // The store is away at shutdown: what waited is lost, as in a crash; the next check-ins restore it.
            log.warn("Could not write device presence at shutdown: {}", e.getMessage());
        }
    }
}
