package io.kioskfleet.core.schedules;

import java.time.Instant;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One entry of the fire log: what became of one planned fire of a schedule. Its id is the
 * schedule and the planned time, so a fire is recorded once however many instances see it.
 *
 * @param id           {@link ScheduledFire#runKey()} of the fire
 * @param scheduleId   the schedule
 * @param plannedTime  the time it was planned for (for "run now": when it was pressed)
 * @param decision     fired on time, late, now, skipped, or failed
 * @param decidedAt    when the decision was made
 * @param fencingToken the scheduler lease's token at the time (0 for "run now" without a scheduler)
 * @param runId        the job run the work started, when it fired
 * @param note         why, in words (a skip's reason, a failure's message, who pressed "run now")
 */
public record FireRecord(@BsonId String id, String scheduleId, Instant plannedTime, FireDecision decision,
                         Instant decidedAt, long fencingToken, String runId, String note) {

    public FireRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(plannedTime, "plannedTime");
        Objects.requireNonNull(decision, "decision");
    }
}
