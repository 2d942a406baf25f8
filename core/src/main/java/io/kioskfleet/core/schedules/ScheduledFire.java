package io.kioskfleet.core.schedules;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One firing of a schedule, handed to the work of its kind.
 *
 * @param scheduleId    the schedule that fired
 * @param scheduleName  its name, for run records and logs
 * @param kind          what to do
 * @param target        the devices to act on (waves); sweeps may ignore it
 * @param spreadWindow  how long a wave may take to reach all targets (zero: at once)
 * @param batchSize     how many targets one chunk handles
 * @param threshold     the age a sweep looks for (sessions ended this long ago without a verified
 *                      wipe, devices silent this long, commands unacknowledged this long, no-show
 *                      grace, retention age); null for waves
 * @param plannedTime   the fire time the schedule planned (for RUN_NOW: when it was pressed)
 * @param trigger       on time, late, or run now
 * @param fencingToken  the scheduler lease's token when it fired; work refuses to start with a token
 *                      older than the current lease's, so a deposed scheduler cannot act
 */
public record ScheduledFire(String scheduleId, String scheduleName, ScheduleKind kind, ScheduleTarget target,
                            Duration spreadWindow, int batchSize, Duration threshold, Instant plannedTime,
                            FireTrigger trigger, long fencingToken) {

    public ScheduledFire {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plannedTime, "plannedTime");
        Objects.requireNonNull(trigger, "trigger");
        target = target == null ? ScheduleTarget.wholeFleet() : target;
        spreadWindow = spreadWindow == null ? Duration.ZERO : spreadWindow;
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }

    /**
     * The key of this firing: the same schedule planned for the same time is the same run, so a
     * firing repeated after a crash or by a second instance finds the run already there.
     */
    public String runKey() {
        return trigger == FireTrigger.RUN_NOW
            ? scheduleId + "@now:" + plannedTime.toEpochMilli()
            : scheduleId + "@" + plannedTime.toEpochMilli();
    }
}
