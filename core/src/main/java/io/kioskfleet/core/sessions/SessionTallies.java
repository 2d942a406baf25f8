package io.kioskfleet.core.sessions;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.store.FleetStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Counters of sessions kept on write, so the dashboard reads two documents by {@code _id} instead
 * of scanning a month of sessions: in {@code session_tallies}, one document per day in the
 * service's zone ({@code _id = yyyy-MM-dd}) counting per unit the sessions that started and
 * ended that day and the wipes verified or failed that day, and one document
 * ({@code _id = running}) with each unit's sessions running now (+1 on start, −1 on end, so a
 * session that spans midnight stays counted). Every change is one {@code $inc} with upsert on
 * {@code _id}, the one fast write on the embedded store; callers count only a change that really
 * happened (the insert or state change was written), so a report sent again is not counted twice.
 */
public final class SessionTallies {

    static final String COLLECTION = "session_tallies";
    /** The document of sessions running now; never a date, so it cannot meet a day's document. */
    static final String RUNNING = "running";
    private static final String UNITS = "units";

    private final MongoCollection<Document> tallies;
    private final Clock clock;
    private final ZoneId zone;

    public SessionTallies(FleetStore store, Clock clock, ZoneId zone) {
        this.tallies = store.collection(COLLECTION, Document.class);
        this.clock = clock;
        this.zone = zone;
    }

    /** A new session was stored: one more running, one more started on the day it started. */
    void started(Session session) {
        add(RUNNING, session.ouId(), "active", 1);
        add(dayOf(session.startedAt()), session.ouId(), "started", 1);
    }

    /** A running session was marked ended: one fewer running, one more ended on the day it ended. */
    void ended(Session session) {
        add(RUNNING, session.ouId(), "active", -1);
        add(dayOf(session.endedAt()), session.ouId(), "ended", 1);
    }

    /** The session's wipe was just proven ({@code VERIFIED}) or found failed, counted on today's date. */
    void wiped(Session session, boolean clean) {
        add(dayOf(clock.instant()), session.ouId(), clean ? "verified" : "failed", 1);
    }

    /** Each unit's sessions today (in the service's zone) and those running now. */
    public Map<String, UnitSessions> today() {
        Map<String, Long> active = countsOf(RUNNING, "active");
        String day = dayOf(clock.instant());
        Map<String, Document> dayUnits = unitsOf(day);
        Set<String> ouIds = new HashSet<>(active.keySet());
        ouIds.addAll(dayUnits.keySet());
        Map<String, UnitSessions> today = new HashMap<>();
        for (String ouId : ouIds) {
            Document counts = dayUnits.getOrDefault(ouId, new Document());
            today.put(ouId, new UnitSessions(
                // an end counted without its start (a session from before the counters existed) must not show as −1
                (int) Math.max(0, active.getOrDefault(ouId, 0L)),
                count(counts, "started"), count(counts, "ended"), count(counts, "verified"), count(counts, "failed")));
        }
        return today;
    }

    private void add(String id, String ouId, String field, int delta) {
        tallies.updateOne(eq("_id", id), Updates.inc(UNITS + "." + ouId + "." + field, delta),
            new UpdateOptions().upsert(true));
    }

    private String dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone).toString();
    }

    private Map<String, Document> unitsOf(String id) {
        Document tally = tallies.find(eq("_id", id)).first();
        Map<String, Document> units = new HashMap<>();
        if (tally != null && tally.get(UNITS) instanceof Document byUnit) {
            byUnit.forEach((ouId, counts) -> {
                if (counts instanceof Document document) {
                    units.put(ouId, document);
                }
            });
        }
        return units;
    }

    private Map<String, Long> countsOf(String id, String field) {
        Map<String, Long> counts = new HashMap<>();
        unitsOf(id).forEach((ouId, document) -> counts.put(ouId, (long) count(document, field)));
        return counts;
    }

    private static int count(Document counts, String field) {
        return counts.get(field) instanceof Number number ? number.intValue() : 0;
    }
}
