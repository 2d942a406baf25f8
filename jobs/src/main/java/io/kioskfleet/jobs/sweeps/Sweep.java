package io.kioskfleet.jobs.sweeps;

import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.schedules.ScheduleKind;
import java.time.Duration;

/** One kind of sweep: a plain pass that can be run again at any time and only finds what is new. */
interface Sweep {

    /** The schedule kind it carries out. */
    ScheduleKind kind();

    /** The age it looks for when the schedule names none. */
    Duration defaultThreshold();

    /** Carries the sweep out for {@code run}; returns what it did, in one sentence. */
    String sweep(JobRun run);

    /** The run's threshold, or this sweep's default. */
    default Duration thresholdOf(JobRun run) {
        return run.thresholdSeconds() == null ? defaultThreshold() : Duration.ofSeconds(run.thresholdSeconds());
    }
}
