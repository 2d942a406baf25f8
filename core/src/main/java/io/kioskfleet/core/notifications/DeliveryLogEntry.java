package io.kioskfleet.core.notifications;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One delivery attempt, kept in the month-bucketed delivery log.
 *
 * @param id         {@code <delivery id>#<attempt>}
 * @param deliveryId the delivery
 * @param endpointId where it went
 * @param eventType  what it carried
 * @param attempt    which attempt (1 is the first)
 * @param at         when it was made
 * @param outcome    DELIVERED, FAILED or DEAD (failed for the last time)
 * @param status     the HTTP status, or 0 when there was no answer
 * @param error      what went wrong, or null
 * @param millis     how long it took
 */
public record DeliveryLogEntry(@BsonId String id, String deliveryId, String endpointId, String eventType, int attempt,
                               Instant at, String outcome, int status, String error, long millis) {
}
