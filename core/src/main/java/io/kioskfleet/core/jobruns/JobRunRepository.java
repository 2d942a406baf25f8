package io.kioskfleet.core.jobruns;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Stores runs in {@code job_runs}. The run key is unique by index, so a firing repeated (after a
 * crash, or by a second instance) finds the run already there. State changes are conditional
 * single-document updates ("from these states to that one"), so two instances cannot both move a
 * run; counters move with {@code $inc} and never conflict with them.
 */
public final class JobRunRepository implements DeclaresIndexes {

    static final String COLLECTION = "job_runs";

    private final MongoCollection<JobRun> runs;

    public JobRunRepository(FleetStore store) {
        this.runs = store.collection(COLLECTION, JobRun.class);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
            new IndexModel(Indexes.ascending("runKey"), new IndexOptions().unique(true).name("unique_run_key")),
            new IndexModel(Indexes.ascending("state", "heartbeatAt")));
    }

    Optional<JobRun> find(String id) {
        return Optional.ofNullable(runs.find(eq("_id", id)).first());
    }

    Optional<JobRun> findByRunKey(String runKey) {
        return Optional.ofNullable(runs.find(eq("runKey", runKey)).first());
    }

    /** Inserts a new run; false (nothing written) when its run key is recorded already. */
    boolean insert(JobRun run) {
        return DuplicateKeys.insertIfAbsent(runs, run);
    }

    /**
     * Moves the run to {@code to} if it is in one of {@code from}, with {@code more} set too.
     *
     * @return true when this call moved it
     */
    boolean move(String id, Collection<JobRunState> from, JobRunState to, Bson... more) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("state", to), Updates.inc("version", 1L)));
        updates.addAll(List.of(more));
        return runs.updateOne(and(eq("_id", id), in("state", from)), Updates.combine(updates)).getModifiedCount() == 1;
    }

    /**
     * Takes over a silent run for this instance: only if its heartbeat is still the one seen, so
     * of two instances noticing the same silent run, one takes it.
     */
    boolean takeOver(JobRun silent, JobRunState to, Instant now) {
        return runs.updateOne(and(eq("_id", silent.id()), eq("state", silent.state()), eq("heartbeatAt", silent.heartbeatAt())),
            Updates.combine(Updates.set("state", to), Updates.set("heartbeatAt", now), Updates.inc("version", 1L)))
            .getModifiedCount() == 1;
    }

    /**
     * Records a chunk as done, once: only when {@code chunkNumber} chunks were done before, so a
     * chunk redone after a crash is not counted twice.
     */
    boolean chunkDone(String id, int chunkNumber, String lastDeviceId, long queued, Instant now) {
        return runs.updateOne(and(eq("_id", id), eq("chunksDone", chunkNumber)), Updates.combine(
            Updates.set("resumeAfter", lastDeviceId), Updates.inc("chunksDone", 1), Updates.inc("counts.queued", queued),
            Updates.set("heartbeatAt", now))).getModifiedCount() == 1;
    }

    /** Adds to the run's counters, e.g. {@code delivered: 1}. */
    void count(String id, Map<String, Long> increments) {
        if (increments.isEmpty()) {
            return;
        }
        List<Bson> updates = new ArrayList<>();
        increments.forEach((counter, by) -> updates.add(Updates.inc("counts." + counter, by)));
        runs.updateOne(eq("_id", id), Updates.combine(updates));
    }

    /** Sets one counter (the targets, once counted). */
    void setCount(String id, String counter, long value, Instant now) {
        runs.updateOne(eq("_id", id), Updates.combine(Updates.set("counts." + counter, value), Updates.set("heartbeatAt", now)));
    }

    /**
     * Runs that are under way but whose work has not shown it is alive since {@code silentSince}:
     * their instance stopped. The collection holds a few runs a day, so the scan stays small.
     */
    List<JobRun> silentSince(Instant silentSince) {
        return runs.find(and(in("state", JobRunState.STARTING, JobRunState.RUNNING, JobRunState.INTERRUPTED),
            lt("heartbeatAt", silentSince))).into(new ArrayList<>());
    }

    /** The latest completed run of {@code kind}, if any. */
    Optional<JobRun> lastCompleted(ScheduleKind kind) {
        return Optional.ofNullable(runs.find(and(eq("kind", kind), eq("state", JobRunState.COMPLETED)))
            .sort(Sorts.descending("startedAt")).first());
    }

    /** One page of the runs matching {@code query}, newest first. */
    Page<JobRun> search(JobRunQuery query, PageRequest page) {
        List<Bson> parts = new ArrayList<>();
        if (query.scheduleId() != null) {
            parts.add(eq("scheduleId", query.scheduleId()));
        }
        if (query.kind() != null) {
            parts.add(eq("kind", query.kind()));
        }
        if (query.state() != null) {
            parts.add(eq("state", query.state()));
        }
        Bson filter = parts.isEmpty() ? new Document() : and(parts);
        long total = runs.countDocuments(filter);
        List<JobRun> items = runs.find(filter).sort(Sorts.descending("startedAt", "_id"))
            .skip(page.offset()).limit(page.size()).into(new ArrayList<>());
        return new Page<>(items, page.page(), page.size(), total);
    }
}
