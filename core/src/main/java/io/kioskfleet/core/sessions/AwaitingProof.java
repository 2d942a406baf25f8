package io.kioskfleet.core.sessions;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.MonthlyCollections;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * The sessions whose wipe is not proven yet, one small record each in
 * {@code sessions_awaiting_proof} ({@code _id} = session id, the state written and when), so the
 * compliance sweep reads these few records instead of every month of sessions. The repository
 * writes a record before it stores a session STARTED, ENDED or WIPE_FAILED, and removes it after
 * the session is VERIFIED or once the sweep has recorded its exception: a crash between the two
 * writes leaves a stray record (the sweep trusts the session and drops it), never a session
 * awaiting proof without one. Sessions stored before these records existed are recorded by a
 * one-off backfill, one scan of the months, marked done in the collection.
 */
final class AwaitingProof {

    /** The collection's name. */
    static final String COLLECTION = "sessions_awaiting_proof";
    /** The marker document saying every session stored before these records has one. */
    static final String BACKFILLED = "~backfilled";
    /** The states a session awaits proof in: a record exists for each session in one of them. */
    static final Set<SessionState> AWAITING = Set.of(SessionState.STARTED, SessionState.ENDED, SessionState.WIPE_FAILED);
    private static final int BULK = 5_000;

    private final MongoCollection<Document> records;
    private final MonthlyCollections<Session> sessions;
    /** Whether this object has seen the marker (or written it): checked once per process, not per write. */
    private volatile boolean backfilled;
    /** Whether this object has looked for a fresh store yet: once per process, not per write. */
    private volatile boolean freshnessChecked;

    AwaitingProof(FleetStore store, MonthlyCollections<Session> sessions) {
        this.records = store.collection(COLLECTION, Document.class);
        this.sessions = sessions;
    }

    /** One session awaiting proof, as recorded: its id and when the record was written. */
    record Awaiting(String sessionId, Instant writtenAt) {
    }

    /** Records {@code session} when it awaits proof; call before storing it. */
    void beforeWriting(Session session) {
        if (AWAITING.contains(session.state())) {
            upsert(List.of(session));
        }
    }

    /** Drops the record of {@code session} when it is proven; call after storing it. */
    void afterWriting(Session session) {
        if (!AWAITING.contains(session.state())) {
            records.deleteOne(eq("_id", session.id()));
        }
    }

    /** Records those of {@code many} that await proof, in bulk; call before storing them. */
    void beforeWritingAll(Collection<Session> many) {
        List<Session> awaiting = many.stream().filter(session -> AWAITING.contains(session.state())).toList();
        for (int start = 0; start < awaiting.size(); start += BULK) {
            upsert(awaiting.subList(start, Math.min(awaiting.size(), start + BULK)));
        }
        if (awaiting.isEmpty()) {
            markBackfilledIfFresh();
        }
    }

    /** Drops the records of {@code sessionIds}: they are proven, or their exceptions are recorded. */
    void drop(Collection<String> sessionIds) {
        List<String> ids = List.copyOf(sessionIds);
        for (int start = 0; start < ids.size(); start += DeviceSessionIndex.IDS_PER_READ) {
            records.deleteMany(in("_id", ids.subList(start, Math.min(ids.size(), start + DeviceSessionIndex.IDS_PER_READ))));
        }
    }

    /**
     * Drops the records of {@code seen} still in the state each session was seen in: a session
     * that moved meanwhile (a session seen STARTED that ended since) keeps its newer record. The
     * records are read and dropped by {@code _id}; only a move in between those two is missed.
     */
    void dropIfUnchanged(Collection<Session> seen) {
        Map<String, String> stateOf = new HashMap<>();
        seen.forEach(session -> stateOf.put(session.id(), session.state().name()));
        List<String> ids = List.copyOf(stateOf.keySet());
        List<String> unchanged = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += DeviceSessionIndex.IDS_PER_READ) {
            records.find(in("_id", ids.subList(start, Math.min(ids.size(), start + DeviceSessionIndex.IDS_PER_READ))))
                .batchSize(DeviceSessionIndex.IDS_PER_READ + 1).forEach(record -> {
                    if (record.getString("state").equals(stateOf.get(record.getString("_id")))) {
                        unchanged.add(record.getString("_id"));
                    }
                });
        }
        drop(unchanged);
    }

    /**
     * Hands every record to {@code each}, in lists of at most {@code listSize}; backfills first if
     * that has never been done on this store.
     */
    void forEachList(int listSize, Consumer<List<Awaiting>> each) {
        backfillOnce();
        List<Awaiting> list = new ArrayList<>(listSize);
        records.find(ne("_id", BACKFILLED)).batchSize(BULK).forEach(record -> {
            list.add(new Awaiting(record.getString("_id"), record.getDate("at").toInstant()));
            if (list.size() == listSize) {
                each.accept(List.copyOf(list));
                list.clear();
            }
        });
        if (!list.isEmpty()) {
            each.accept(List.copyOf(list));
        }
    }

    /**
     * Records those of {@code many} that await proof with plain inserts, none of which may have a
     * record yet (sessions of months the store did not hold): for a seed, where upserts would cost
     * a lookup each.
     */
    void insertAll(Collection<Session> many) {
        markBackfilledIfFresh();
        Instant now = Instant.now();
        List<Document> awaiting = many.stream().filter(session -> AWAITING.contains(session.state()))
            .map(session -> recordOf(session, now)).toList();
        for (int start = 0; start < awaiting.size(); start += BULK) {
            records.insertMany(awaiting.subList(start, Math.min(awaiting.size(), start + BULK)));
        }
    }

    private void upsert(List<Session> awaiting) {
        markBackfilledIfFresh();
        Instant now = Instant.now();
        List<WriteModel<Document>> writes = new ArrayList<>(awaiting.size());
        for (Session session : awaiting) {
            writes.add(new ReplaceOneModel<>(eq("_id", session.id()), recordOf(session, now), new ReplaceOptions().upsert(true)));
        }
        records.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** The record of {@code session} as stored, written {@code at}. */
    private static Document recordOf(Session session, Instant at) {
        return new Document("_id", session.id()).append("state", session.state().name()).append("at", at);
    }

    /** A store without sessions yet needs no backfill: every session it will hold gets its record on write. */
    private void markBackfilledIfFresh() {
        if (freshnessChecked) {
            return;
        }
        if (!hasMarker() && sessions.between(null, null).isEmpty()) {
            markBackfilled();
        }
        freshnessChecked = true;
    }

    /** Records every session awaiting proof that was stored before these records, in one scan of the months, once per store. */
    private void backfillOnce() {
        if (backfilled || hasMarker()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        Instant now = Instant.now();
        for (MongoCollection<Session> month : sessions.between(null, null)) {
            month.withDocumentClass(Document.class).find(in("state", AWAITING))
                .projection(Projections.include("state")).batchSize(BULK).forEach(session -> {
                    writes.add(new UpdateOneModel<>(eq("_id", session.getString("_id")),
                        Updates.combine(Updates.setOnInsert("state", session.getString("state")), Updates.setOnInsert("at", now)),
                        new UpdateOptions().upsert(true)));
                    if (writes.size() == BULK) {
                        records.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                        writes.clear();
                    }
                });
        }
        if (!writes.isEmpty()) {
            records.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        markBackfilled();
    }

    private boolean hasMarker() {
        if (records.find(eq("_id", BACKFILLED)).first() != null) {
            backfilled = true;
        }
        return backfilled;
    }

    private void markBackfilled() {
        records.updateOne(eq("_id", BACKFILLED), Updates.set("at", Instant.now()), new UpdateOptions().upsert(true));
        backfilled = true;
    }
}
