package io.kioskfleet.jobs.sweeps;

import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.retention.ExpiredMonths;
import io.kioskfleet.core.schedules.ScheduleKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Drops the month collections older than the retention period (the threshold), each drop in the audit chain. */
final class RetentionPurge implements Sweep {

    private final RunRecords records;
    private final ExpiredMonths months;
    private final Clock clock;

    RetentionPurge(RunRecords records, ExpiredMonths months, Clock clock) {
        this.records = records;
        this.months = months;
        this.clock = clock;
    }

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.RETENTION_PURGE;
    }

    /** About thirteen months: a full year of evidence plus the month under way. */
    @Override
    public Duration defaultThreshold() {
        return Duration.ofDays(400);
    }

    @Override
    public String sweep(JobRun run) {
        Instant keepFrom = clock.instant().minus(thresholdOf(run));
        List<String> dropped = months.purge(RunRecords.scheduleActor(run.scheduleId()), keepFrom);
        records.found(run.id(), dropped.size());
        return dropped.isEmpty() ? "nothing older than " + keepFrom : "dropped " + String.join(", ", dropped);
    }
}
