package io.kioskfleet.core.notifications;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One event on its way to one endpoint. Its id is stable across retries and restarts and is
 * sent as {@code X-KioskFleet-Delivery}, so a receiver can drop a duplicate.
 *
 * @param id            {@code <event id>@<endpoint id>}
 * @param endpointId    where it goes
 * @param eventId       what it carries
 * @param eventType     the event's type
 * @param orderKey      deliveries of one endpoint and order key go one after another
 * @param seq           the position within the order key
 * @param summary       the chat line
 * @param body          the JSON body
 * @param state         pending or dead
 * @param attempts      attempts made so far
 * @param nextAttemptAt not before this
 * @param leaseUntil    a worker is sending it until then (null: nobody); after it, another may
 * @param lastError     why the last attempt failed, or null
 * @param createdAt     when it was queued
 */
public record WebhookDelivery(@BsonId String id, String endpointId, String eventId, String eventType, String orderKey,
                              long seq, String summary, String body, DeliveryState state, int attempts,
                              Instant nextAttemptAt, Instant leaseUntil, String lastError, Instant createdAt) {

    static WebhookDelivery of(OutboxEvent event, String endpointId, Instant now) {
        return new WebhookDelivery(event.id() + "@" + endpointId, endpointId, event.id(), event.type(), event.orderKey(),
            event.seq(), event.summary(), event.body(), DeliveryState.PENDING, 0, now, null, null, now);
    }
}
