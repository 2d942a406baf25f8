package io.kioskfleet.core.schedules;

/** What became of one planned (or asked-for) fire of a schedule, as recorded in the fire log. */
public enum FireDecision {
    /** Fired at its planned time. */
    FIRED_ON_TIME,
    /** Fired late, once, after a misfire (the rule was RUN_ONCE_LATE and it was not too late). */
    FIRED_LATE,
    /** Fired because an admin pressed "run now". */
    FIRED_NOW,
    /** Missed and skipped: the rule was SKIP, or a later missed time was fired (or skipped) in its place. */
    SKIPPED_MISSED,
    /** Missed by more than the schedule's maximum lateness, so not fired. */
    SKIPPED_TOO_LATE,
    /** The work refused to start or failed to start; the note says why. */
    FAILED;

    /** True when the work was started. */
    public boolean fired() {
        return this == FIRED_ON_TIME || this == FIRED_LATE || this == FIRED_NOW;
    }
}
