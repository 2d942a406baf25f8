package io.kioskfleet.core.schedules;

/**
 * What happens to fires planned while no scheduler was running (every instance down, or the
 * lease changing hands).
 */
public enum MisfireRule {
    /**
     * Fire the latest missed time once, late, if it is at most the schedule's maximum lateness
     * ago; otherwise skip it. Earlier missed times are skipped either way.
     */
    RUN_ONCE_LATE,
    /** Skip every missed time. */
    SKIP
}
