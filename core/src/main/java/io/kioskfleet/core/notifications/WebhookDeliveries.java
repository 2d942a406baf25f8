package io.kioskfleet.core.notifications;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.MonthlyCollections;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queue of webhook deliveries ({@code webhook_deliveries}: only what is not delivered yet,
 * so it stays small), the delivery log (one collection per month, {@code webhook_log_2026_11})
 * and the dead letters with their manual retry.
 *
 * <p>Order: of the deliveries of one endpoint and one order key (a ticket), only the oldest is
 * ever sent; the next waits until it is delivered (a dead one holds the rest back until it is
 * retried). A worker takes a delivery with a lease; if the worker dies, the lease runs out and
 * the delivery is sent again with the same id (at least once).
 */
public final class WebhookDeliveries implements DeclaresIndexes {

    static final String COLLECTION = "webhook_deliveries";
    private static final Duration LOG_LOOK_BACK = Duration.ofDays(62);

    private final MongoCollection<WebhookDelivery> queue;
    private final MonthlyCollections<DeliveryLogEntry> log;
    private final AuditChain audit;
    private final Clock clock;

    public WebhookDeliveries(FleetStore store, AuditChain audit, Clock clock) {
        this.queue = store.collection(COLLECTION, WebhookDelivery.class);
        this.log = new MonthlyCollections<>(store, "webhook_log", DeliveryLogEntry.class,
            List.of(new IndexModel(Indexes.ascending("endpointId", "at"))));
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("endpointId", "orderKey", "seq")));
    }

    /** Queues deliveries in one unordered insert; queuing the same one again changes nothing. */
    void enqueueAll(List<WebhookDelivery> deliveries) {
        if (!deliveries.isEmpty()) {
            DuplicateKeys.insertAbsent(queue, deliveries);
        }
    }

    /**
     * The deliveries that may be sent now: the head of each endpoint's order key, if it is
     * pending, due and not leased to a live worker. A scan of the queue, which holds only what
     * is not delivered yet.
     */
    public List<WebhookDelivery> due() {
        Instant now = clock.instant();
        Map<String, WebhookDelivery> heads = new LinkedHashMap<>();
        for (WebhookDelivery delivery : queue.find().into(new ArrayList<>())) {
            heads.merge(delivery.endpointId() + "|" + delivery.orderKey(), delivery,
                (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
        }
        return heads.values().stream()
            .filter(head -> head.state() == DeliveryState.PENDING && !head.nextAttemptAt().isAfter(now)
                && (head.leaseUntil() == null || !head.leaseUntil().isAfter(now)))
            .sorted(Comparator.comparing(WebhookDelivery::createdAt)).toList();
    }

    private static final Comparator<WebhookDelivery> ORDER =
        Comparator.comparingLong(WebhookDelivery::seq).thenComparing(WebhookDelivery::createdAt)
            .thenComparing(WebhookDelivery::id);

    /** Takes a due delivery for {@code lease}; empty when another worker took it first. */
    public Optional<WebhookDelivery> take(WebhookDelivery due, Duration lease) {
        Instant now = clock.instant();
        return Optional.ofNullable(queue.findOneAndUpdate(
            and(eq("_id", due.id()), eq("state", DeliveryState.PENDING.name()), eq("attempts", due.attempts()),
                or(eq("leaseUntil", null), lte("leaseUntil", now))),
            Updates.set("leaseUntil", now.plus(lease)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** The receiver took it: logged, and out of the queue (the next of its order key may go). */
    public void delivered(WebhookDelivery delivery, int status, long millis) {
        writeLog(delivery, "DELIVERED", status, null, millis);
        queue.deleteOne(eq("_id", delivery.id()));
    }

    /**
     * The attempt failed: logged; tried again at {@code retryAt}, or dead when that is null.
     */
    public void failed(WebhookDelivery delivery, int status, String error, long millis, Instant retryAt) {
        boolean dead = retryAt == null;
        writeLog(delivery, dead ? "DEAD" : "FAILED", status, error, millis);
        queue.updateOne(eq("_id", delivery.id()), Updates.combine(
            Updates.set("attempts", delivery.attempts() + 1),
            Updates.set("state", (dead ? DeliveryState.DEAD : DeliveryState.PENDING).name()),
            Updates.set("nextAttemptAt", dead ? clock.instant() : retryAt),
            Updates.set("leaseUntil", null),
            Updates.set("lastError", error)));
    }

    /** Drops a delivery whose endpoint is gone. */
    public void drop(WebhookDelivery delivery) {
        queue.deleteOne(eq("_id", delivery.id()));
    }

    /** The deliveries that gave up, oldest first. */
    public List<WebhookDelivery> deadLetters(Actor actor) {
        actor.requireAny(Role.FLEET_ADMIN);
        return queue.find(eq("state", DeliveryState.DEAD.name())).sort(Sorts.ascending("createdAt"))
            .into(new ArrayList<>());
    }

    /** Everything still queued for an endpoint (pending and dead), in the order it will go. */
    public List<WebhookDelivery> queued(Actor actor, String endpointId) {
        actor.requireAny(Role.FLEET_ADMIN);
        return queue.find(eq("endpointId", endpointId)).into(new ArrayList<>()).stream().sorted(ORDER).toList();
    }

    /** Sends a dead delivery again from its first attempt (and so releases the events behind it). */
    public WebhookDelivery retry(Actor actor, String deliveryId) {
        actor.requireAny(Role.FLEET_ADMIN);
        WebhookDelivery dead = queue.find(eq("_id", deliveryId)).first();
        if (dead == null) {
            throw new NotFoundException("delivery", deliveryId);
        }
        if (dead.state() != DeliveryState.DEAD) {
            throw new ConflictException("delivery-not-dead", "delivery " + deliveryId + " is " + dead.state()
                + "; only a dead letter can be retried by hand");
        }
        WebhookDelivery retried = new WebhookDelivery(dead.id(), dead.endpointId(), dead.eventId(), dead.eventType(),
            dead.orderKey(), dead.seq(), dead.summary(), dead.body(), DeliveryState.PENDING, 0, clock.instant(), null,
            dead.lastError(), dead.createdAt());
        if (queue.replaceOne(and(eq("_id", deliveryId), eq("state", DeliveryState.DEAD.name())), retried)
            .getMatchedCount() == 0) {
            throw new ConflictException("delivery-not-dead", "delivery " + deliveryId + " was retried meanwhile");
        }
        audit.note(actor, "webhook.retry", "delivery", deliveryId, Map.of("endpointId", dead.endpointId(),
            "eventId", dead.eventId()));
        return retried;
    }

    /** The delivery log of an endpoint for the last two months, newest first. */
    public Page<DeliveryLogEntry> log(Actor actor, String endpointId, PageRequest page) {
        actor.requireAny(Role.FLEET_ADMIN);
        Instant now = clock.instant();
        return log.page(now.minus(LOG_LOOK_BACK), now, eq("endpointId", endpointId), Sorts.descending("at"), page);
    }

    private void writeLog(WebhookDelivery delivery, String outcome, int status, String error, long millis) {
        Instant now = clock.instant();
        int attempt = delivery.attempts() + 1;
        DeliveryLogEntry entry = new DeliveryLogEntry(delivery.id() + "#" + attempt + "@" + now.toEpochMilli(),
            delivery.id(), delivery.endpointId(), delivery.eventType(), attempt, now, outcome, status, error, millis);
        log.forWriting(now).insertOne(entry);
    }
}
