package io.kioskfleet.core.schedules;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The scheduler lease as stored in {@code scheduler_lease}: who holds it, its fencing token and
 * until when it holds unless renewed.
 *
 * @param id        always {@link SchedulerLease#LEASE_ID}
 * @param holder    the holding instance's id
 * @param token     the fencing token: raised by one on every takeover, never lowered
 * @param expiresAt when it lapses unless renewed
 * @param takenAt   when the holder took it
 * @param renewedAt when the holder last renewed it
 */
public record LeaseState(@BsonId String id, String holder, long token, Instant expiresAt, Instant takenAt,
                         Instant renewedAt) {
}
