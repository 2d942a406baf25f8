package io.kioskfleet.core.sessions;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sessions whose wipe is not proven, for the compliance sweep: those ended before a cutoff that
 * are still ENDED (no valid attestation arrived) or WIPE_FAILED, read month by month from the
 * months that can hold them; and the ENDED ones marked UNVERIFIED. A valid attestation arriving
 * later still makes such a session VERIFIED.
 */
public final class UnprovenWipes {

    private final SessionRepository sessions;

    public UnprovenWipes(SessionRepository sessions) {
        this.sessions = sessions;
    }

    /**
     * Calls {@code each} with every session ended before {@code endedBefore} whose wipe is not
     * proven, reading the month collections from the month of {@code monthsFrom} (null: the
     * first) to the month of {@code endedBefore}: a session is stored in the month it started,
     * which is never after the month it ended.
     */
    public void forEachEndedBefore(Instant monthsFrom, Instant endedBefore, Consumer<Session> each) {
        sessions.forEachUnproven(monthsFrom, endedBefore, each);
    }

    /** Marks those of {@code found} still ENDED as UNVERIFIED; returns how many changed. */
    public long markUnverified(List<Session> found) {
        return sessions.markUnverified(found);
    }
}
