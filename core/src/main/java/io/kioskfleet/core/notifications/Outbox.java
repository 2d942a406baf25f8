package io.kioskfleet.core.notifications;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.WriteModel;
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
     * A compliance exception to publish.
     *
     * @param key     what makes the exception one, e.g. {@code unverified-wipe:ses_…}
     * @param ouId    the unit it concerns, or null
     * @param summary one line for people
     * @param details more fields for the JSON body (strings, numbers, booleans, instants)
     */
    public record ComplianceNotice(String key, String ouId, String summary, Map<String, Object> details) {
    }

    /**
     * Publishes a sweep's batch of compliance exceptions, one event per {@code key} (so the sweep
     * finding the same exception again does not notify twice): the events in one unordered insert,
     * then their deliveries in another. An event whose key was published before and is still waiting
     * for its fan-out (a crash) is left to {@link #fanOutLeftovers()}.
     */
    public void complianceExceptions(List<ComplianceNotice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<OutboxEvent> added = DuplicateKeys.insertAbsent(events,
            notices.stream().map(notice -> eventOf(notice, now)).toList());
        fanOut(added);
    }

    private static OutboxEvent eventOf(ComplianceNotice notice, Instant now) {
        Map<String, Object> body = new TreeMap<>();
        body.put("event", COMPLIANCE_EXCEPTION);
        body.put("eventId", "compliance:" + notice.key());
        body.put("occurredAt", now);
        body.put("ouId", notice.ouId());
        body.put("summary", notice.summary());
        body.put("details", notice.details() == null ? Map.of() : notice.details());
        return new OutboxEvent("compliance:" + notice.key(), COMPLIANCE_EXCEPTION, "compliance:" + notice.key(), 1, now,
            "[KioskFleet] " + notice.summary(), CanonicalJson.write(body));
    }

    /** Fans out the events a crash left in the outbox; returns how many. */
    public int fanOutLeftovers() {
        List<OutboxEvent> left = events.find().into(new ArrayList<>());
        fanOut(left);
        return left.size();
    }

    private void fanOut(OutboxEvent event) {
        fanOut(List.of(event));
    }

    /** Queues each event's delivery to every endpoint that wants it (in one insert), then removes the events. */
    private void fanOut(List<OutboxEvent> fanned) {
        if (fanned.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<WebhookEndpoint> all = endpoints.all();
        List<WebhookDelivery> queued = new ArrayList<>();
        for (OutboxEvent event : fanned) {
            for (WebhookEndpoint endpoint : all) {
                if (endpoint.wants(event.type())) {
                    queued.add(WebhookDelivery.of(event, endpoint.id(), now));
                }
            }
        }
        deliveries.enqueueAll(queued);
        events.bulkWrite(fanned.stream().<WriteModel<OutboxEvent>>map(event -> new DeleteOneModel<>(eq("_id", event.id())))
            .toList(), new BulkWriteOptions().ordered(false));
    }
}
