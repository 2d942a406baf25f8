package io.kioskfleet.core.schedules;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.VersionedDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Stores schedules in {@code schedules}, the source of truth the scheduler loads from. There are
 * tens of them, not thousands, so listing all is a cheap scan even on the embedded store.
 */
public final class ScheduleRepository {

    static final String COLLECTION = "schedules";

    private final MongoCollection<Schedule> schedules;
    private final VersionedDocuments<Schedule> versioned;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public ScheduleRepository(FleetStore store) {
        this.schedules = store.collection(COLLECTION, Schedule.class);
        this.versioned = store.versioned(schedules, "schedule", Schedule::version);
    }

    /** The schedule with {@code id}, if there is one. */
    public Optional<Schedule> find(String id) {
        return versioned.find(id);
    }

    /** Every schedule, oldest first. */
    public List<Schedule> all() {
        return schedules.find(new Document()).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** Calls {@code listener} with a schedule's id after every change made through this instance. */
    public void whenChanged(Consumer<String> listener) {
        listeners.add(listener);
    }

    void insert(Schedule schedule) {
        schedules.insertOne(schedule);
        changed(schedule.id());
    }

    void replace(Schedule changed, long expectedVersion) {
        versioned.replace(changed.id(), changed, expectedVersion);
        changed(changed.id());
    }

    void delete(String id, long expectedVersion) {
        versioned.delete(id, expectedVersion);
        changed(id);
    }

    private void changed(String id) {
        listeners.forEach(listener -> listener.accept(id));
    }
}
