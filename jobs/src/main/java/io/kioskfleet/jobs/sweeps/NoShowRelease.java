package io.kioskfleet.jobs.sweeps;

import io.kioskfleet.core.desks.ReleasingNoShows;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.schedules.ScheduleKind;
import java.time.Clock;
import java.time.Duration;

/**
 * Frees the desks of bookings nobody checked in to within their site's grace period. The grace
 * is each site's own setting, so the schedule's threshold is not used.
 */
final class NoShowRelease implements Sweep {

    private final RunRecords records;
    private final ReleasingNoShows noShows;
    private final Clock clock;

    NoShowRelease(RunRecords records, ReleasingNoShows noShows, Clock clock) {
        this.records = records;
        this.noShows = noShows;
        this.clock = clock;
    }

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.NO_SHOW_RELEASE;
    }

    @Override
    public Duration defaultThreshold() {
        return Duration.ZERO;
    }

    @Override
    public String sweep(JobRun run) {
        ReleasingNoShows.Outcome outcome = noShows.release(clock.instant());
        records.found(run.id(), outcome.released());
        return "released " + outcome.released() + " no-show bookings; closed " + outcome.rejected()
            + " bookings an interruption left pending";
    }
}
