package io.kioskfleet.jobs.sweeps;

import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.schedules.ScheduleKind;

/** The sweeps a schedule can fire; each is idempotent, so firing one again only finds what is new. */
public final class Sweeps {

    /** True when a sweep of {@code kind} exists. */
    public boolean handles(ScheduleKind kind) {
        return false;
    }

    /** Carries out the sweep of the run's kind; returns what it did, in one sentence. */
    public String sweep(JobRun run) {
        throw new UnsupportedOperationException(run.kind() + " has no sweep yet");
    }
}
