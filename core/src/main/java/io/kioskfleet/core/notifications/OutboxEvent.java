package io.kioskfleet.core.notifications;

import java.time.Instant;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Something that happened and must reach the webhook endpoints, as written to the outbox next
 * to the change itself. Its id is the change's own key, so writing it again for the same change
 * is the same event.
 *
 * @param id         e.g. {@code tkt_…/00000003} (a ticket's change to version 3)
 * @param type       e.g. {@code ticket.claimed}, {@code compliance.exception}
 * @param orderKey   events with the same key are delivered in {@code seq} order (a ticket's id)
 * @param seq        the position within its order key
 * @param occurredAt when it happened
 * @param summary    one line for chat receivers
 * @param body       the JSON body for GENERIC_JSON receivers
 */
public record OutboxEvent(@BsonId String id, String type, String orderKey, long seq, Instant occurredAt, String summary,
                          String body) {

    public OutboxEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderKey, "orderKey");
        Objects.requireNonNull(body, "body");
    }
}
