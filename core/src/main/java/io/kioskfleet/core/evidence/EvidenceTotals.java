package io.kioskfleet.core.evidence;

/**
 * Counts of sessions by what their evidence says.
 *
 * @param expected every session that started in the period (each should end with a proven wipe)
 * @param verified sessions whose wipe is proven (including late ones)
 * @param late     proven, but later after the session's end than allowed
 * @param failed   a proof exists but does not hold, or tells of a failed wipe
 * @param missing  ended without any proof
 * @param running  not ended yet
 */
public record EvidenceTotals(long expected, long verified, long late, long failed, long missing, long running) {

    /** No sessions. */
    public static final EvidenceTotals NONE = new EvidenceTotals(0, 0, 0, 0, 0, 0);

    /** These counts with one more session of {@code verdict}. */
    EvidenceTotals plus(SessionVerdict verdict) {
        return new EvidenceTotals(expected + 1, verified + (verdict.verified() ? 1 : 0),
            late + (verdict == SessionVerdict.LATE ? 1 : 0), failed + (verdict.failed() ? 1 : 0),
            missing + (verdict == SessionVerdict.MISSING ? 1 : 0), running + (verdict == SessionVerdict.RUNNING ? 1 : 0));
    }

    /** Verified sessions per expected one, 1 when none were expected. */
    public double verifiedShare() {
        return expected == 0 ? 1 : (double) verified / expected;
    }
}
