package io.kioskfleet.core.schedules;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.MonthlyCollections;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The fire log: every decision about a planned fire, one document per schedule and planned time
 * in month collections by planned time ({@code schedule_fires_2026_11}), so the planned time
 * finds the month and the id makes a second record of the same fire impossible. Beside it,
 * {@code schedule_fire_marks} keeps per schedule the latest planned time decided, so a scheduler
 * taking over knows from when on fires were missed without scanning the log.
 */
public final class FireLog {

    static final String PREFIX = "schedule_fires";
    static final String MARKS = "schedule_fire_marks";

    private final MonthlyCollections<FireRecord> months;
    private final MongoCollection<Document> marks;

    public FireLog(FleetStore store) {
        this.months = new MonthlyCollections<>(store, PREFIX, FireRecord.class,
            List.of(new IndexModel(Indexes.ascending("scheduleId", "plannedTime"))));
        this.marks = store.collection(MARKS, Document.class);
    }

    /** The record of the fire with {@code runKey} planned at {@code plannedTime}, if decided. */
    public Optional<FireRecord> find(String runKey, Instant plannedTime) {
        return Optional.ofNullable(months.of(plannedTime).find(eq("_id", runKey)).first());
    }

    /**
     * Records a decision unless one for the same fire exists, and moves the schedule's mark.
     *
     * @return the record that stands: {@code record}, or the one recorded before it
     */
    public FireRecord record(FireRecord record) {
        FireRecord standing = record;
        try {
            months.forWriting(record.plannedTime()).insertOne(record);
        } catch (MongoException e) {
            if (!DuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
            standing = find(record.id(), record.plannedTime()).orElse(record);
        }
        if (!record.decision().equals(FireDecision.FIRED_NOW)) {
            marks.updateOne(eq("_id", record.scheduleId()), Updates.max("lastPlanned", record.plannedTime()),
                new UpdateOptions().upsert(true));
        }
        return standing;
    }

    /** The latest planned time decided for the schedule (on time, late or skipped), if any. */
    public Optional<Instant> lastPlanned(String scheduleId) {
        Document mark = marks.find(eq("_id", scheduleId)).first();
        return mark == null ? Optional.empty() : Optional.of(mark.getDate("lastPlanned").toInstant());
    }

    /** The schedule's latest decisions, newest first, from the months since {@code since}. */
    public List<FireRecord> recent(String scheduleId, Instant since, int limit) {
        List<FireRecord> records = new ArrayList<>();
        for (MongoCollection<FireRecord> month : months.between(since, null)) {
            month.find(eq("scheduleId", scheduleId)).sort(Sorts.descending("plannedTime")).limit(limit).into(records);
            if (records.size() >= limit) {
                break;
            }
        }
        records.sort(Comparator.comparing(FireRecord::plannedTime).reversed());
        return records.subList(0, Math.min(limit, records.size()));
    }

    /** How far back {@link #recent} looks by default: this month and the one before. */
    public static Duration recentWindow() {
        return Duration.ofDays(62);
    }
}
