package io.kioskfleet.core.sessions;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.MonthlyCollections;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.core.store.ReadAhead;
import io.kioskfleet.core.store.VersionedDocuments;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Stores sessions in {@code sessions_YYYY_MM} (the month of the time in the session id) and
 * their attestations in {@code attestations_YYYY_MM} under the session id, so both are found by
 * id with one {@code _id} read; refused attestations go to {@code refused_attestations_YYYY_MM}
 * by the month they arrived.
 */
public final class SessionRepository {

    /** Documents fetched per round trip while streaming a month: enough to keep the scan busy, few enough to stay small. */
    private static final int STREAM_BATCH = 1_000;
    /** How many records a read-ahead keeps waiting at most. */
    private static final int READ_AHEAD = 4_000;

    /**
     * Sessions per insert of a seed: the embedded store commits each write command to its file,
     * and one commit of a whole month's inserts costs far more than several smaller ones.
     */
    private static final int SEED_BATCH = 5_000;

    private static final Bson MARK_UNVERIFIED =
        Updates.combine(Updates.set("state", SessionState.UNVERIFIED), Updates.inc("version", 1L));

    private final FleetStore store;
    private final MonthlyCollections<Session> sessions;
    private final MonthlyCollections<StoredAttestation> attestations;
    private final MonthlyCollections<RefusedAttestation> refused;
    private final RecordSeals seals;
    private final DeviceSessionIndex byDevice;
    private final AwaitingProof awaiting;

    /** The sessions of {@code store}, sealed with the key in its data directory. */
    public SessionRepository(FleetStore store) {
        this.store = store;
        this.seals = RecordSeals.inDirectory(store.dataDir());
        this.sessions = new MonthlyCollections<>(store, "sessions", Session.class,
            List.of(new IndexModel(Indexes.ascending("deviceId", "startedAt")), new IndexModel(Indexes.ascending("ouId", "startedAt"))));
        this.attestations = new MonthlyCollections<>(store, "attestations", StoredAttestation.class, List.of());
        this.refused = new MonthlyCollections<>(store, "refused_attestations", RefusedAttestation.class,
            List.of(new IndexModel(Indexes.ascending("deviceId", "receivedAt"))));
        this.byDevice = new DeviceSessionIndex(store, sessions);
        this.awaiting = new AwaitingProof(store, sessions);
    }

    /** The seals this repository puts on every session and attestation it writes. */
    public RecordSeals seals() {
        return seals;
    }

    /** The session with {@code id}; empty for an unknown or malformed id. */
    Optional<Session> find(String id) {
        return monthOf(id).flatMap(month -> Optional.ofNullable(sessions.of(month).find(eq("_id", id)).first()));
    }

    /** Inserts a new session; false (nothing written) when its id is taken. */
    boolean insert(Session session) {
        byDevice.add(List.of(session));
        awaiting.beforeWriting(session);
        return DuplicateKeys.insertIfAbsent(sessions.forWriting(monthOf(session.id()).orElseThrow()), seals.sealed(session));
    }

    void replace(Session changed, long expectedVersion) {
        awaiting.beforeWriting(changed);
        versioned(monthOf(changed.id()).orElseThrow()).replace(changed.id(), seals.sealed(changed), expectedVersion);
        awaiting.afterWriting(changed);
    }

    /** The attestation of session {@code sessionId}, if one was accepted. */
    Optional<StoredAttestation> findAttestation(String sessionId) {
        return monthOf(sessionId)
            .flatMap(month -> Optional.ofNullable(attestations.of(month).find(eq("_id", sessionId)).first()));
    }

    /** Stores the attestation of its session; false (nothing written) when the session has one. */
    boolean insertAttestation(StoredAttestation attestation) {
        return DuplicateKeys.insertIfAbsent(attestations.forWriting(monthOf(attestation.sessionId()).orElseThrow()),
            seals.sealed(attestation));
    }

    /**
     * Writes many ended sessions and their attestations in bulk, one batch per month, sealed as
     * the service seals them, for a benchmark's seed or a migration: nothing is checked or
     * audited, so never for devices' reports.
     */
    public void insertMany(List<Session> many, List<StoredAttestation> proofs) {
        byDevice.add(many);
        awaiting.beforeWritingAll(many);
        many.stream().map(seals::sealed).collect(Collectors.groupingBy(session -> monthOf(session.id()).orElseThrow()))
            .forEach((month, batch) -> sessions.forWriting(month).insertMany(batch));
        proofs.stream().map(seals::sealed).collect(Collectors.groupingBy(proof -> monthOf(proof.sessionId()).orElseThrow()))
            .forEach((month, batch) -> attestations.forWriting(month).insertMany(batch));
    }

    /**
     * Writes sessions of months this store holds no sessions of yet, with their awaiting-proof
     * records and per-device index, as plain inserts (one {@code insertMany} per collection and
     * month) instead of {@link #insertMany}'s upserts: a benchmark's seed of a year or a migration
     * into an empty store, written by the code that writes them for the service, so the shape is
     * the service's. Nothing is checked or audited.
     *
     * @throws IllegalStateException when the store holds sessions of one of their months
     */
    public void insertIntoNewMonths(List<Session> many) {
        Map<Instant, List<Session>> byMonth = many.stream().map(seals::sealed)
            .collect(Collectors.groupingBy(session -> monthOf(session.id()).orElseThrow()));
        byMonth.keySet().forEach(month -> {
            if (sessions.of(month).estimatedDocumentCount() > 0) {
                throw new IllegalStateException("the store holds sessions of " + month + " already");
            }
        });
        byDevice.addToNewMonths(many);
        awaiting.insertAll(many);
        byMonth.forEach((month, sealed) -> {
            MongoCollection<Session> collection = sessions.forWriting(month);
            for (int start = 0; start < sealed.size(); start += SEED_BATCH) {
                collection.insertMany(sealed.subList(start, Math.min(sealed.size(), start + SEED_BATCH)));
            }
        });
    }

    void insertRefused(RefusedAttestation attestation) {
        refused.forWriting(attestation.receivedAt()).insertOne(attestation);
    }

    /** One page of the sessions matching {@code query} within {@code ouIds} (null: any unit), newest first. */
    Page<Session> search(SessionQuery query, Set<String> ouIds, PageRequest page) {
        List<Bson> parts = ofDevicesIn(ouIds, query.deviceId(), "startedAt", query.from(), query.to());
        if (query.state() != null) {
            parts.add(eq("state", query.state()));
        }
        return sessions.page(query.from(), query.to(), and(parts), Sorts.descending("startedAt"), page);
    }

    /**
     * Sessions ended before {@code endedBefore} still ENDED or WIPE_FAILED, and sessions started
     * before {@code startedBefore} still STARTED: the sessions recorded as awaiting proof, each
     * read by {@code _id}, so the cost follows how many await proof, not how many are stored. The
     * session decides, not its record: a record of a session proven meanwhile, or of one that is
     * missing (a crash between the two writes, a purged month) and was written before
     * {@code startedBefore}, is dropped.
     */
    void forEachUnproven(Instant endedBefore, Instant startedBefore, Consumer<Session> each) {
        awaiting.forEachList(DeviceSessionIndex.IDS_PER_READ, list -> {
            Map<String, Session> found = new HashMap<>();
            list.stream().collect(Collectors.groupingBy(record -> monthOf(record.sessionId()).orElseThrow()))
                .forEach((month, records) -> readById(sessions.of(month),
                    records.stream().map(AwaitingProof.Awaiting::sessionId).toList(), session -> found.put(session.id(), session)));
            List<String> stray = new ArrayList<>();
            for (AwaitingProof.Awaiting record : list) {
                Session session = found.get(record.sessionId());
                if (session == null) {
                    if (record.writtenAt().isBefore(startedBefore)) {
                        stray.add(record.sessionId()); // a newer one may be a start being stored right now
                    }
                } else if (!AwaitingProof.AWAITING.contains(session.state())) {
                    stray.add(record.sessionId());
                } else if (session.state() == SessionState.STARTED ? session.startedAt().isBefore(startedBefore)
                    : session.endedAt() != null && session.endedAt().isBefore(endedBefore)) {
                    each.accept(session);
                }
            }
            awaiting.drop(stray);
        });
    }

    /** Drops the awaiting-proof records of {@code found}: their exceptions are recorded, so the sweep need not read them again. */
    void settled(Collection<Session> found) {
        awaiting.dropIfUnchanged(found);
    }

    /**
     * Marks the ENDED ones of {@code found} UNVERIFIED; a session that moved meanwhile (its proof
     * arrived) stays. On MongoDB one bulk write per month whose filters say "still ENDED"; on the
     * embedded store, where such a filter scans its month once per session, each batch is read
     * again by {@code _id} and its still-ENDED sessions written in one bulk write by {@code _id},
     * all under the locks its version-checked writes take (so no proof is stored in between).
     */
    long markUnverified(List<Session> found) {
        Map<Instant, List<String>> byMonth = new LinkedHashMap<>();
        for (Session session : found) {
            if (session.state() == SessionState.ENDED) {
                byMonth.computeIfAbsent(monthOf(session.id()).orElseThrow(), month -> new ArrayList<>()).add(session.id());
            }
        }
        long changed = 0;
        for (Map.Entry<Instant, List<String>> month : byMonth.entrySet()) {
            MongoCollection<Session> collection = sessions.of(month.getKey());
            changed += store.isEmbedded() ? markUnderLocks(collection, month.getValue()) : markInBulk(collection, month.getValue());
        }
        return changed;
    }

    private static long markInBulk(MongoCollection<Session> month, List<String> ids) {
        List<WriteModel<Session>> updates = new ArrayList<>(ids.size());
        ids.forEach(id -> updates.add(new UpdateOneModel<>(and(eq("_id", id), eq("state", SessionState.ENDED)), MARK_UNVERIFIED)));
        return month.bulkWrite(updates, new BulkWriteOptions().ordered(false)).getModifiedCount();
    }

    private long markUnderLocks(MongoCollection<Session> month, List<String> ids) {
        long changed = 0;
        for (int start = 0; start < ids.size(); start += DeviceSessionIndex.IDS_PER_READ) {
            List<String> batch = ids.subList(start, Math.min(ids.size(), start + DeviceSessionIndex.IDS_PER_READ));
            changed += store.withDocumentLocks(batch, () -> {
                List<WriteModel<Session>> updates = new ArrayList<>(batch.size());
                readById(month, batch, current -> {
                    if (current.state() == SessionState.ENDED) {
                        updates.add(new UpdateOneModel<>(eq("_id", current.id()), MARK_UNVERIFIED));
                    }
                });
                return updates.isEmpty() ? 0L
                    : month.bulkWrite(updates, new BulkWriteOptions().ordered(false)).getModifiedCount();
            });
        }
        return changed;
    }

    /**
     * Every session that started from {@code from} to {@code to} on a device of {@code ouIds}
     * (null: any): a streaming scan of the period's months, read ahead on a thread of its own from
     * now on (see {@link ReadAhead}), that never holds them all.
     */
    public ReadAhead<Session> readAheadSessions(Instant from, Instant to, Set<String> ouIds) {
        return readAhead("read sessions ahead", sessions.between(from, to),
            and(ofDevicesIn(ouIds, null, "startedAt", from, to)));
    }

    /**
     * Every accepted attestation kept in the months from {@code from} to {@code to} (the months of
     * their sessions) of devices in {@code ouIds} (null: any): a streaming scan, read ahead on a
     * thread of its own from now on (see {@link ReadAhead}).
     */
    public ReadAhead<StoredAttestation> readAheadAttestations(Instant from, Instant to, Set<String> ouIds) {
        return readAhead("read attestations ahead", attestations.between(from, to),
            and(ofDevicesIn(ouIds, null, "receivedAt", null, null)));
    }

    private static <T> ReadAhead<T> readAhead(String name, List<MongoCollection<T>> months, Bson filter) {
        List<Supplier<MongoCursor<T>>> queries = new ArrayList<>();
        for (MongoCollection<T> month : months) {
            queries.add(() -> month.find(filter).batchSize(STREAM_BATCH).iterator());
        }
        return new ReadAhead<>(name, queries, READ_AHEAD);
    }

    /**
     * Hands every session of {@code deviceIds} that started from {@code from} to {@code to} on a
     * device of {@code ouIds} (null: any) to {@code each} with the device it was recorded for,
     * read by {@code _id} through the sessions-per-device index: no scan of the period, whatever
     * its size. A session whose record now names another device is handed on under the device
     * that recorded it.
     */
    public void forEachSessionOf(Collection<String> deviceIds, Instant from, Instant to, Set<String> ouIds,
                                 BiConsumer<String, Session> each) {
        byDevice.sessionIdsOf(deviceIds, from, to).forEach((month, listed) ->
            readById(sessions.of(month), List.copyOf(listed.keySet()), session -> {
                boolean inPeriod = !session.startedAt().isBefore(from) && session.startedAt().isBefore(to);
                if (inPeriod && (ouIds == null || ouIds.contains(session.ouId()))) {
                    each.accept(listed.get(session.id()), session);
                }
            }));
    }

    /** Hands the accepted attestations of {@code sessionIds} to {@code each}, read by {@code _id}. */
    public void forEachAttestationOf(Collection<String> sessionIds, Consumer<StoredAttestation> each) {
        sessionIds.stream().collect(Collectors.groupingBy(id -> monthOf(id).orElseThrow()))
            .forEach((month, ids) -> readById(attestations.of(month), ids, each));
    }

    private static <T> void readById(MongoCollection<T> month, List<String> ids, Consumer<T> each) {
        for (int start = 0; start < ids.size(); start += DeviceSessionIndex.IDS_PER_READ) {
            month.find(in("_id", ids.subList(start, Math.min(ids.size(), start + DeviceSessionIndex.IDS_PER_READ))))
                .batchSize(DeviceSessionIndex.IDS_PER_READ + 1).forEach(each);
        }
    }

    /** One page of refused attestations of devices in {@code ouIds} (null: any), newest first. */
    Page<RefusedAttestation> searchRefused(String deviceId, Instant from, Instant to, Set<String> ouIds, PageRequest page) {
        List<Bson> parts = ofDevicesIn(ouIds, deviceId, "receivedAt", from, to);
        return refused.page(from, to, and(parts), Sorts.descending("receivedAt"), page);
    }

    /** The filter parts every list shares: units (null: any), device (null: any) and a period of {@code timeField}. */
    private static List<Bson> ofDevicesIn(Set<String> ouIds, String deviceId, String timeField, Instant from, Instant to) {
        List<Bson> parts = new ArrayList<>();
        parts.add(ouIds == null ? new Document() : in("ouId", ouIds));
        if (deviceId != null) {
            parts.add(eq("deviceId", deviceId));
        }
        if (from != null) {
            parts.add(gte(timeField, from));
        }
        if (to != null) {
            parts.add(lt(timeField, to));
        }
        return parts;
    }

    private VersionedDocuments<Session> versioned(Instant month) {
        return store.versioned(sessions.of(month), "session", Session::version);
    }

    /**
     * The first instant of the UTC month of the session id's time: the key its month's documents
     * are grouped under, so a batch becomes one read or write per month (the session's own time
     * would make it one per session).
     */
    private static Optional<Instant> monthOf(String sessionId) {
        return SessionIds.timeOf(sessionId).map(time -> YearMonth.from(time.atZone(ZoneOffset.UTC))
            .atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
