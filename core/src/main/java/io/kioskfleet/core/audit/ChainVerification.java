package io.kioskfleet.core.audit;

/**
 * The result of walking the audit chain.
 *
 * @param intact        true when every link's hash and back-link hold and none is missing
 * @param eventsChecked how many events were walked
 * @param brokenAtSeq   the first broken position, or null when intact
 * @param problem       what is wrong there, or null when intact
 * @param headHash      the hash of the last event checked (what an auditor notes down)
 */
public record ChainVerification(boolean intact, long eventsChecked, Long brokenAtSeq, String problem, String headHash) {

    static ChainVerification intact(long eventsChecked, String headHash) {
        return new ChainVerification(true, eventsChecked, null, null, headHash);
    }

    static ChainVerification brokenAt(long seq, long eventsChecked, String problem, String headHash) {
        return new ChainVerification(false, eventsChecked, seq, problem, headHash);
    }
}
