package io.kioskfleet.core.sessions;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.MonthlyCollections;
import io.kioskfleet.protocol.sessions.SessionIds;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Which sessions each device had in a month, kept on write so that one device's sessions are
 * read by {@code _id} instead of by scanning the month (the embedded store has no secondary
 * index): in {@code device_sessions_YYYY_MM}, one document per device and month
 * ({@code _id = <device>:<yyyy-MM>}, the UTC month of the session id) listing its session ids.
 * The id is added ({@code $addToSet}, so a start sent again adds nothing) before the session is
 * stored, so a crash between the two leaves an id without a session, never a session nobody
 * finds. A month whose index began with its first session is marked complete; one with sessions
 * from before this index is completed by one scan of the month the first time it is read.
 */
final class DeviceSessionIndex {

    /** The marker document of a month whose index lists every session. */
    static final String COMPLETE = "complete";
    /** Ids per {@code $in} read: the embedded store matches an {@code $in} list linearly per document. */
    static final int IDS_PER_READ = 500;
    private static final String SESSION_IDS = "sessionIds";

    private final MonthlyCollections<Document> index;
    private final MonthlyCollections<Session> sessions;
    private final Set<String> completeMonths = ConcurrentHashMap.newKeySet();
    /** Months this process has looked at for writing, so a month with older sessions is looked at once, not per write. */
    private final Set<String> writtenMonths = ConcurrentHashMap.newKeySet();

    DeviceSessionIndex(FleetStore store, MonthlyCollections<Session> sessions) {
        this.index = new MonthlyCollections<>(store, "device_sessions", Document.class, List.of());
        this.sessions = sessions;
    }

    /** One session under its device. */
    private record Entry(String sessionId, String deviceId) {
    }

    /** Notes new sessions under their devices; call before storing them. */
    void add(Collection<Session> added) {
        addEntries(added.stream().map(session -> new Entry(session.id(), session.deviceId())).toList());
    }

    /**
     * Lists new sessions of months the store holds no sessions of yet, with plain inserts, and
     * marks those months complete: for a seed, where upserts would cost a lookup each.
     */
    void addToNewMonths(Collection<Session> added) {
        byMonth(added.stream().map(session -> new Entry(session.id(), session.deviceId())).toList()).forEach((month, devices) -> {
            List<Document> listings = new ArrayList<>(devices.size() + 1);
            devices.forEach((key, ids) -> listings.add(new Document("_id", key).append(SESSION_IDS, ids)));
            listings.add(completeMarker());
            index.forWriting(month).insertMany(listings);
            writtenMonths.add(month.toString());
            completeMonths.add(month.toString());
        });
    }

    private static Map<Instant, Map<String, List<String>>> byMonth(List<Entry> entries) {
        Map<Instant, Map<String, List<String>>> byMonth = new HashMap<>();
        for (Entry entry : entries) {
            Instant month = monthOf(entry.sessionId());
            byMonth.computeIfAbsent(month, any -> new HashMap<>())
                .computeIfAbsent(keyOf(entry.deviceId(), month), key -> new ArrayList<>()).add(entry.sessionId());
        }
        return byMonth;
    }

    private void addEntries(List<Entry> added) {
        byMonth(added).forEach((month, devices) -> {
            markCompleteIfNew(month);
            if (devices.isEmpty()) {
                return;
            }
            List<UpdateOneModel<Document>> updates = new ArrayList<>(devices.size());
            devices.forEach((key, ids) -> updates.add(new UpdateOneModel<>(eq("_id", key),
                Updates.addEachToSet(SESSION_IDS, ids), new UpdateOptions().upsert(true))));
            index.forWriting(month).bulkWrite(updates, new BulkWriteOptions().ordered(false));
        });
    }

    /**
     * The sessions listed under {@code deviceIds} in the UTC months from {@code from} to
     * {@code to}: per month, each session id with the device it is listed under.
     */
    Map<Instant, Map<String, String>> sessionIdsOf(Collection<String> deviceIds, Instant from, Instant to) {
        Map<Instant, Map<String, String>> found = new HashMap<>();
        for (MongoCollection<Session> monthOfSessions : sessions.between(from, to)) {
            Instant month = monthNamed(monthOfSessions.getNamespace().getCollectionName());
            completeIfNeeded(month, monthOfSessions);
            List<String> keys = deviceIds.stream().map(deviceId -> keyOf(deviceId, month)).toList();
            Map<String, String> listed = found.computeIfAbsent(month, any -> new HashMap<>());
            for (int start = 0; start < keys.size(); start += IDS_PER_READ) {
                index.of(month).find(in("_id", keys.subList(start, Math.min(keys.size(), start + IDS_PER_READ))))
                    .forEach(document -> {
                        String key = document.getString("_id");
                        String deviceId = key.substring(0, key.lastIndexOf(':'));
                        document.getList(SESSION_IDS, String.class, List.of()).forEach(id -> listed.put(id, deviceId));
                    });
            }
        }
        return found;
    }

    /** A month this process writes to first: when it has no sessions yet, its index will be complete. */
    private void markCompleteIfNew(Instant month) {
        if (!writtenMonths.add(month.toString())) {
            return;
        }
        MongoCollection<Document> monthIndex = index.forWriting(month);
        if (monthIndex.find(eq("_id", COMPLETE)).first() != null || sessions.of(month).estimatedDocumentCount() == 0) {
            markComplete(month, monthIndex);
        }
    }

    /** Lists every session of a month that was stored before this index, in one scan, then marks the month complete. */
    private void completeIfNeeded(Instant month, MongoCollection<Session> monthOfSessions) {
        if (completeMonths.contains(month.toString())) {
            return;
        }
        MongoCollection<Document> monthIndex = index.forWriting(month);
        if (monthIndex.find(eq("_id", COMPLETE)).first() == null) {
            List<Entry> batch = new ArrayList<>();
            monthOfSessions.withDocumentClass(Document.class).find().projection(Projections.include("deviceId"))
                .batchSize(5_000).forEach(session -> {
                    batch.add(new Entry(session.getString("_id"), session.getString("deviceId")));
                    if (batch.size() == 20_000) {
                        addEntries(batch);
                        batch.clear();
                    }
                });
            addEntries(batch);
        }
        markComplete(month, monthIndex);
    }

    private void markComplete(Instant month, MongoCollection<Document> monthIndex) {
        monthIndex.replaceOne(eq("_id", COMPLETE), completeMarker(), new ReplaceOptions().upsert(true));
        completeMonths.add(month.toString());
    }

    private static Document completeMarker() {
        return new Document("_id", COMPLETE).append("at", Instant.now());
    }

    static String keyOf(String deviceId, Instant month) {
        return deviceId + ":" + YearMonth.from(month.atZone(ZoneOffset.UTC));
    }

    /** The first instant of the UTC month of the session id's time. */
    private static Instant monthOf(String sessionId) {
        return YearMonth.from(SessionIds.timeOf(sessionId).orElseThrow().atZone(ZoneOffset.UTC))
            .atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant of the month a {@code sessions_YYYY_MM} collection holds. */
    private static Instant monthNamed(String collectionName) {
        String suffix = collectionName.substring(collectionName.length() - 7);
        return YearMonth.of(Integer.parseInt(suffix.substring(0, 4)), Integer.parseInt(suffix.substring(5)))
            .atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
