package io.kioskfleet.core.loans;

/**
 * What a return answers: the closed loan and whether the laptop may go out again now.
 *
 * @param loan          the loan, now returned
 * @param lastSessionId the laptop's last session, or null when it never had one
 * @param wipeState     that session's state (VERIFIED lets it go out again), or null
 * @param readyToLend   true when its last session's wipe is VERIFIED (or it had none)
 */
public record ReturnReceipt(Loan loan, String lastSessionId, String wipeState, boolean readyToLend) {
}
