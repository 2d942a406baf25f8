package io.kioskfleet.core.jobruns;

import io.kioskfleet.core.schedules.ScheduleKind;

/**
 * Which runs to list; each part is optional.
 *
 * @param scheduleId only runs of this schedule
 * @param kind       only runs of this kind
 * @param state      only runs in this state
 */
public record JobRunQuery(String scheduleId, ScheduleKind kind, JobRunState state) {

    public JobRunQuery {
        scheduleId = scheduleId == null || scheduleId.isBlank() ? null : scheduleId.strip();
    }

    /** Every run. */
    public static JobRunQuery all() {
        return new JobRunQuery(null, null, null);
    }
}
