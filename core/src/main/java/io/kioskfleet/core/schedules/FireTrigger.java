package io.kioskfleet.core.schedules;

/** Why a schedule fired. */
public enum FireTrigger {
    /** At its planned time. */
    ON_TIME,
    /** Late, after the scheduler was down at the planned time (the misfire rule said run once late). */
    LATE,
    /** An admin pressed "run now". */
    RUN_NOW
}
