package io.kioskfleet.core.schedules;

/**
 * The work a schedule's kind does when it fires. The {@code jobs} module implements it (waves as
 * Spring Batch jobs, sweeps); the scheduler and the console's "run now" call it through this port,
 * so neither needs to know the other. {@code app} wires the implementation.
 */
public interface ScheduledWork {

    /**
     * Starts (or, for a firing already started, finds) the run of this firing and returns its job
     * run id. Must be idempotent by {@link ScheduledFire#runKey()}: firing twice gives one run.
     */
    String start(ScheduledFire fire);
}
