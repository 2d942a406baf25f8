package io.kioskfleet.core.sessions;

/**
 * One unit's sessions today, from the counters kept on write.
 *
 * @param active   sessions running now (started and not yet ended, whatever day they started)
 * @param started  sessions that started today
 * @param ended    sessions that ended today
 * @param verified wipes proven today (a valid attestation marked the session VERIFIED)
 * @param failed   wipes that failed today (the device's own re-scan found leftovers)
 */
public record UnitSessions(int active, int started, int ended, int verified, int failed) {

    /** A unit with no sessions counted. */
    public static final UnitSessions NONE = new UnitSessions(0, 0, 0, 0, 0);
}
