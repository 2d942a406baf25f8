package io.kioskfleet.core.sessions;

import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionReceipt;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The device's side of sessions: it reports each start and end, both idempotent (the same report
 * again answers the same; a different one for the same session is a conflict). A locked (lost)
 * device may end a session and attest its wipe, but not start one.
 */
public final class SessionEvents {

    /** How far ahead of the server's clock a device's time may be. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** How far a session id's own time may lie from the reported start (the device made it then). */
    static final Duration ID_DRIFT = Duration.ofDays(1);
    private static final int MAX_TEXT = 200;

    private final SessionRepository sessions;
    private final Clock clock;
    private final SessionStartListener startListener;

    public SessionEvents(SessionRepository sessions, Clock clock) {
        this(sessions, clock, SessionStartListener.NONE);
    }

    /** The same, telling {@code startListener} of every new session. */
    public SessionEvents(SessionRepository sessions, Clock clock, SessionStartListener startListener) {
        this.sessions = sessions;
        this.clock = clock;
        this.startListener = startListener;
    }

    /** Records that a session started on the device. */
    public SessionReceipt start(AuthenticatedDevice device, SessionStart start) {
        device.requireNotLocked();
        checkStart(start);
        Session fresh = Session.started(device.deviceId(), device.ouId(), start);
        if (sessions.insert(fresh)) {
            startListener.started(fresh);
            return receiptOf(fresh);
        }
        Session existing = sessions.find(start.sessionId()).orElseThrow(() -> new NotFoundException("session", start.sessionId()));
        if (!existing.sameStart(device.deviceId(), start)) {
            throw new ConflictException("session-differs", "session " + start.sessionId()
                + " was reported with another start; a session id names one session");
        }
        return receiptOf(existing);
    }

    /** Records that the device's session {@code sessionId} ended. */
    public SessionReceipt end(AuthenticatedDevice device, String sessionId, SessionEnd end) {
        Session current = own(device, sessionId);
        new InputCheck()
            .require(end.reason() != null, "reason", "is required: TIMEOUT, IDLE, SCHEDULE, USER or COMMAND")
            .require(end.endedAt() != null, "endedAt", "is required")
            .orThrow();
        new InputCheck()
            .require(!end.endedAt().isBefore(current.startedAt()), "endedAt", "must not be before the start "
                + current.startedAt())
            .require(!inTheFuture(end.endedAt()), "endedAt", "must not be in the future")
            .orThrow();
        if (current.state() == SessionState.STARTED) {
            Session ended = current.ended(end);
            sessions.replace(ended, current.version());
            return receiptOf(ended);
        }
        if (!current.sameEnd(end)) {
            throw new ConflictException("session-end-differs", "session " + sessionId + " already ended ("
                + current.endReason() + " at " + current.endedAt() + "); an end cannot change");
        }
        return receiptOf(current);
    }

    /** The session, if it is this device's; another device's session does not exist for it. */
    Session own(AuthenticatedDevice device, String sessionId) {
        return ownOrNot(device, sessionId).orElseThrow(() -> new NotFoundException("session", sessionId));
    }

    Optional<Session> ownOrNot(AuthenticatedDevice device, String sessionId) {
        return sessions.find(sessionId).filter(session -> session.deviceId().equals(device.deviceId()));
    }

    boolean inTheFuture(Instant deviceTime) {
        return deviceTime.isAfter(clock.instant().plus(CLOCK_SKEW));
    }

    private void checkStart(SessionStart start) {
        Optional<Instant> idTime = SessionIds.timeOf(start.sessionId());
        new InputCheck()
            .require(idTime.isPresent(), "sessionId", "must be ses_ and 20 base32 characters (see SessionIds)")
            .require(start.startedAt() != null, "startedAt", "is required")
            .require(start.user() == null || (!start.user().isBlank() && start.user().length() <= MAX_TEXT), "user",
                "must be null for a guest, or 1 to " + MAX_TEXT + " characters")
            .require(start.desk() == null || start.desk().length() <= MAX_TEXT, "desk", "must be at most " + MAX_TEXT + " characters")
            .require(start.policyEtag() == null || start.policyEtag().length() <= MAX_TEXT, "policyEtag", "is too long")
            .orThrow();
        new InputCheck()
            .require(!inTheFuture(start.startedAt()), "startedAt", "must not be in the future")
            .require(Duration.between(idTime.get(), start.startedAt()).abs().compareTo(ID_DRIFT) <= 0, "sessionId",
                "must be made when the session starts (its time is more than a day from startedAt)")
            .orThrow();
    }

    static SessionReceipt receiptOf(Session session) {
        return new SessionReceipt(session.id(), session.state());
    }
}
