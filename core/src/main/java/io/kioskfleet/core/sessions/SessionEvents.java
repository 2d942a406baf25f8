package io.kioskfleet.core.sessions;

import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.policies.EffectivePolicies;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.protocol.policy.DevicePolicy;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionReceipt;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    private final EffectivePolicies policies;
    private final Clock clock;
    private final SessionTallies tallies;
    private final SessionStartListener startListener;

    public SessionEvents(SessionRepository sessions, EffectivePolicies policies, SessionTallies tallies, Clock clock) {
        this(sessions, policies, tallies, clock, SessionStartListener.NONE);
    }

    /** The same, telling {@code startListener} of every new session. */
    public SessionEvents(SessionRepository sessions, EffectivePolicies policies, SessionTallies tallies, Clock clock,
                         SessionStartListener startListener) {
        this.sessions = sessions;
        this.policies = policies;
        this.tallies = tallies;
        this.clock = clock;
        this.startListener = startListener;
    }

    /** Records that a session started on the device. */
    public SessionReceipt start(AuthenticatedDevice device, SessionStart start) {
        device.requireNotLocked();
        checkStart(start);
        // read first, so a start sent again (the agent's journal) does not compile the policy again
        Session existing = sessions.find(start.sessionId()).orElse(null);
        if (existing == null) {
            Session fresh = Session.started(device.deviceId(), device.ouId(), start, preserveOfHeldPolicy(device, start));
            if (sessions.insert(fresh)) {
                tallies.started(fresh); // only the insert that happened counts, never a start sent again
                startListener.started(fresh);
                return receiptOf(fresh);
            }
            existing = sessions.find(start.sessionId()).orElseThrow(() -> new NotFoundException("session", start.sessionId()));
        }
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
            .require(end.reason() != null, "reason", Rule.NOT_ONE_OF, "TIMEOUT, IDLE, SCHEDULE, USER, COMMAND")
            .require(end.endedAt() != null, "endedAt", Rule.REQUIRED)
            .orThrow();
        new InputCheck()
            .require(!end.endedAt().isBefore(current.startedAt()), "endedAt", Rule.BEFORE, current.startedAt())
            .require(!inTheFuture(end.endedAt()), "endedAt", Rule.FUTURE)
            .orThrow();
        if (current.state() == SessionState.STARTED) {
            Session ended = current.ended(end);
            sessions.replace(ended, current.version()); // a raced second end fails here and is not counted
            tallies.ended(ended);
            return receiptOf(ended);
        }
        if (!current.sameEnd(end)) {
            throw new ConflictException("session-end-differs", "session " + sessionId + " already ended ("
                + current.endReason() + " at " + current.endedAt() + "); an end cannot change");
        }
        return receiptOf(current);
    }

    /**
     * The preserve patterns of the policy the device says it enforces, when that is the policy in
     * force for it now (the server keeps no old policies); null otherwise.
     */
    private List<String> preserveOfHeldPolicy(AuthenticatedDevice device, SessionStart start) {
        if (start.policyEtag() == null) {
            return null;
        }
        DevicePolicy inForce = policies.payloadForDevice(device.deviceId(), device.ouId());
        return start.policyEtag().equals(inForce.etag()) ? inForce.wipe().preserve() : null;
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
            .require(idTime.isPresent(), "sessionId", Rule.FORMAT, "ses_ + 20 base32 characters")
            .require(start.startedAt() != null, "startedAt", Rule.REQUIRED)
            .require(start.user() == null || (!start.user().isBlank() && start.user().length() <= MAX_TEXT), "user", Rule.LENGTH, 1, MAX_TEXT)
            .require(start.desk() == null || start.desk().length() <= MAX_TEXT, "desk", Rule.TOO_LONG, MAX_TEXT)
            .require(start.policyEtag() == null || start.policyEtag().length() <= MAX_TEXT, "policyEtag", Rule.TOO_LONG, MAX_TEXT)
            .orThrow();
        new InputCheck()
            .require(!inTheFuture(start.startedAt()), "startedAt", Rule.FUTURE)
            .require(Duration.between(idTime.get(), start.startedAt()).abs().compareTo(ID_DRIFT) <= 0, "sessionId", Rule.SESSION_ID_TIME)
            .orThrow();
    }

    static SessionReceipt receiptOf(Session session) {
        return new SessionReceipt(session.id(), session.state());
    }
}
