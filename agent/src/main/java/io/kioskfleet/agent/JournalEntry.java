package io.kioskfleet.agent;

import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the {@link EventJournal}: a session event or wipe attestation the device made, kept
 * until the server has it. Exactly one of {@code start}, {@code end} and {@code attestation} is
 * set, as {@code kind} says.
 *
 * @param kind        what the entry reports
 * @param sessionId   the session it is about
 * @param recordedAt  when the device wrote it (device clock)
 * @param start       for SESSION_START, the start as reported
 * @param end         for SESSION_END, the end as reported
 * @param attestation for WIPE_ATTESTATION, the signed attestation
 */
public record JournalEntry(Kind kind, String sessionId, Instant recordedAt, SessionStart start, SessionEnd end,
                           WipeAttestation attestation) {

    /** What a journal entry reports. */
    public enum Kind { SESSION_START, SESSION_END, WIPE_ATTESTATION }

    public JournalEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sessionId, "sessionId");
        boolean shaped = switch (kind) {
            case SESSION_START -> start != null && end == null && attestation == null;
            case SESSION_END -> start == null && end != null && attestation == null;
            case WIPE_ATTESTATION -> start == null && end == null && attestation != null;
        };
        if (!shaped) {
            throw new IllegalArgumentException("a " + kind + " entry carries exactly its own report");
        }
    }

    static JournalEntry started(SessionStart start, Instant at) {
        return new JournalEntry(Kind.SESSION_START, start.sessionId(), at, start, null, null);
    }

    /** The end of {@code session}, which has ended (a session kept before reasons were kept ended by its user). */
    static JournalEntry ended(CurrentSession session, Instant at) {
        SessionEnd end = new SessionEnd(session.endReason() == null ? SessionEndReason.USER : session.endReason(),
            session.endedAt());
        return new JournalEntry(Kind.SESSION_END, session.sessionId(), at, null, end, null);
    }

    static JournalEntry attested(WipeAttestation attestation, Instant at) {
        return new JournalEntry(Kind.WIPE_ATTESTATION, attestation.sessionId(), at, null, null, attestation);
    }
}
