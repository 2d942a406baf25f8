package io.kioskfleet.core.jobruns;

import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleTarget;
import io.kioskfleet.core.schedules.ScheduledFire;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One firing of a schedule and what its work did. It keeps the whole firing, so an instance that
 * takes over an interrupted run can carry it on, and its own progress record ({@code resumeAfter},
 * {@code chunksDone}), so the run goes on where it stopped.
 *
 * @param id               {@code run_…}
 * @param runKey           unique: the firing ({@link ScheduledFire#runKey()})
 * @param scheduleId       the schedule that fired
 * @param scheduleName     its name then
 * @param kind             what the run does
 * @param trigger          on time, late or run now
 * @param plannedTime      the planned fire time
 * @param target           the devices a wave acts on
 * @param spreadSeconds    how long a wave spreads its commands over
 * @param batchSize        targets per chunk
 * @param thresholdSeconds the age a sweep looks for, or null
 * @param fencingToken     the scheduler lease's token at the firing
 * @param state            where the run is
 * @param counts           how far it got
 * @param resumeAfter      the last device id of the last chunk done (devices are taken in id order), or null
 * @param chunksDone       how many chunks are done
 * @param resumptions      how often it was taken up again after an interruption
 * @param startedAt        when it was recorded
 * @param heartbeatAt      when its work last showed it was alive
 * @param finishedAt       when it reached a final state, or null
 * @param detail           what the work reported (why it failed, what a sweep did), or null
 * @param cancelledBy      who cancelled it, or null
 * @param version          changes of state (counters move without it), starting at 1
 */
public record JobRun(
    @BsonId String id,
    String runKey,
    String scheduleId,
    String scheduleName,
    ScheduleKind kind,
    FireTrigger trigger,
    Instant plannedTime,
    ScheduleTarget target,
    long spreadSeconds,
    int batchSize,
    Long thresholdSeconds,
    long fencingToken,
    JobRunState state,
    RunCounts counts,
    String resumeAfter,
    int chunksDone,
    int resumptions,
    Instant startedAt,
    Instant heartbeatAt,
    Instant finishedAt,
    String detail,
    String cancelledBy,
    long version) {

    public JobRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runKey, "runKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        target = target == null ? ScheduleTarget.wholeFleet() : target;
        counts = counts == null ? RunCounts.NONE : counts;
    }

    /** A new run of {@code fire}, recorded at {@code now}. */
    static JobRun of(String id, ScheduledFire fire, Instant now) {
        return new JobRun(id, fire.runKey(), fire.scheduleId(), fire.scheduleName(), fire.kind(), fire.trigger(),
            fire.plannedTime(), fire.target(), fire.spreadWindow().toSeconds(), fire.batchSize(),
            fire.threshold() == null ? null : fire.threshold().toSeconds(), fire.fencingToken(), JobRunState.STARTING,
            RunCounts.NONE, null, 0, 0, now, now, null, null, null, 1);
    }

    /** The firing this run carries out, as its work needs it. */
    public ScheduledFire fire() {
        return new ScheduledFire(scheduleId, scheduleName, kind, target, Duration.ofSeconds(spreadSeconds), batchSize,
            thresholdSeconds == null ? null : Duration.ofSeconds(thresholdSeconds), plannedTime, trigger, fencingToken);
    }

    /** The spread window. */
    public Duration spreadWindow() {
        return Duration.ofSeconds(spreadSeconds);
    }

    /** True when it is a wave, whose queued commands an admin may still cancel after it completed. */
    public boolean isWave() {
        return kind == ScheduleKind.LOGOUT_WAVE || kind == ScheduleKind.WIPE_WAVE
            || kind == ScheduleKind.LOGOUT_AND_WIPE || kind == ScheduleKind.REBOOT;
    }
}
