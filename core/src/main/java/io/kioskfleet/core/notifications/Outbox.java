package io.kioskfleet.core.notifications;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.protocol.canonical.CanonicalJson;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outbox ({@code outbox}): events are written here, keyed by the change they come from,
 * then fanned out into one delivery per interested endpoint and removed. An event left by a
 * crash before its fan-out is fanned out by the delivery worker's next round.
 */
public final class Outbox implements DeclaresIndexes {

    static final String COLLECTION = "outbox";
    /** The type of a compliance exception event. */
    public static final String COMPLIANCE_EXCEPTION = "compliance.exception";

    private final MongoCollection<OutboxEvent> events;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    public Outbox(FleetStore store, WebhookEndpoints endpoints, WebhookDeliveries deliveries, Clock clock) {
        this.events = store.collection(COLLECTION, OutboxEvent.class);
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of();
    }

    /** Writes an event and fans it out; the same event id again is the same event. */
    public void publish(OutboxEvent event) {
        try {
            events.insertOne(event);
        } catch (MongoException e) {
            if (!DuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
        }
        fanOut(event);
    }

    /**
     * Publishes a compliance exception (for the compliance sweep): one event per {@code key}, so
     * the sweep finding the same exception again does not notify twice.
     *
     * @param key     what makes the exception one, e.g. {@code unverified-wipe:ses_…}
     * @param ouId    the unit it concerns, or null
     * @param summary one line for people
     * @param details more fields for the JSON body (strings, numbers, booleans, instants)
     */
    public void complianceException(String key, String ouId, String summary, Map<String, Object> details) {
        Instant now = clock.instant();
        Map<String, Object> body = new TreeMap<>();
        body.put("event", COMPLIANCE_EXCEPTION);
        body.put("eventId", "compliance:" + key);
        body.put("occurredAt", now);
        body.put("ouId", ouId);
        body.put("summary", summary);
        body.put("details", details == null ? Map.of() : details);
        publish(new OutboxEvent("compliance:" + key, COMPLIANCE_EXCEPTION, "compliance:" + key, 1, now,
            "[KioskFleet] " + summary, CanonicalJson.write(body)));
    }

    /** Fans out the events a crash left in the outbox; returns how many. */
    public int fanOutLeftovers() {
        List<OutboxEvent> left = events.find().into(new ArrayList<>());
        left.forEach(this::fanOut);
        return left.size();
    }

    private void fanOut(OutboxEvent event) {
        Instant now = clock.instant();
        for (WebhookEndpoint endpoint : endpoints.all()) {
            if (endpoint.wants(event.type())) {
                deliveries.enqueue(WebhookDelivery.of(event, endpoint.id(), now));
            }
        }
        events.deleteOne(eq("_id", event.id()));
    }
}
