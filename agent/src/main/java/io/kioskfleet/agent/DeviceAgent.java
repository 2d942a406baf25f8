package io.kioskfleet.agent;

import io.kioskfleet.protocol.faults.FaultCategory;
import io.kioskfleet.protocol.faults.FaultReport;
import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.ManagedState;
import io.kioskfleet.protocol.commands.CommandReceipt;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.enrollment.EnrollmentAnswer;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.policy.DevicePolicy;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionReceipt;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import io.kioskfleet.protocol.signing.AttestationSignature;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * The agent's own steps on one device, over its state directory: enroll once, then check in,
 * keeping the policy the server sends (and refusing one whose ETag does not match its content),
 * and report each session's start and end and attest the wipe after it.
 */
public final class DeviceAgent {

    private final StateDirectory state;
    private final Function<URI, FleetServerClient> clients;
    private final String agentVersion;
    private final Clock clock;

    /**
     * @param clients makes the client for a server address (tests pass one with short retries)
     */
    public DeviceAgent(StateDirectory state, Function<URI, FleetServerClient> clients, String agentVersion) {
        this(state, clients, agentVersion, Clock.systemUTC());
    }

    /**
     * @param clock the device's clock, for the times of sessions and wipes (tests pass one they move)
     */
    public DeviceAgent(StateDirectory state, Function<URI, FleetServerClient> clients, String agentVersion, Clock clock) {
        this.state = state;
        this.clients = clients;
        this.agentVersion = agentVersion;
        this.clock = clock;
    }

    /** Enrolls with {@code server}: creates the key on first use and keeps the identity the server gives. */
    public EnrolledIdentity enroll(URI server, String token, String serial) {
        EnrollmentRequest request = new EnrollmentRequest(token, serial, state.keys().publicKeyText(), agentVersion);
        try (FleetServerClient client = clients.apply(server)) {
            EnrollmentAnswer answer = client.enroll(request);
            EnrolledIdentity identity = new EnrolledIdentity(server.toString(), answer.deviceId(), answer.ouId(), serial,
                answer.enrolledAt());
            state.saveIdentity(identity);
            return identity;
        }
    }

    /**
     * Checks in with the server it enrolled with, reporting {@code activity} and its inventory.
     *
     * @param desk the desk the device is at, or null
     * @throws IllegalStateException when the device has not enrolled
     */
    public CheckInOutcome checkIn(DeviceActivity activity, String desk) {
        return checkIn(activity, desk, state.policy().map(DevicePolicy::etag).orElse(null));
    }

    /** Checks in claiming no policy, so the server sends the policy in force again (REFRESH_POLICY). */
    public CheckInOutcome refreshPolicy(DeviceActivity activity, String desk) {
        return checkIn(activity, desk, null);
    }

    /** Tells the server the device received command {@code commandId}. */
    public CommandReceipt acknowledge(String commandId) {
        return withServer((client, identity) -> client.acknowledge(identity.deviceId(), state.keys(), commandId));
    }

    /** Reports a fault of this device to the server, with an id of its own so a resend is kept once. */
    public void reportFault(FaultCategory category, String message, String logExcerpt) {
        FaultReport report = new FaultReport(java.util.UUID.randomUUID().toString(), category, message, logExcerpt,
            now());
        withServer((client, identity) -> {
            client.reportFault(identity.deviceId(), state.keys(), report);
            return null;
        });
    }

    /** Reports the outcome of command {@code commandId}. */
    public CommandReceipt report(String commandId, CommandResult result) {
        return withServer((client, identity) -> client.report(identity.deviceId(), state.keys(), commandId, result));
    }

    /**
     * Starts a session: chooses its id, keeps it in the state directory and tells the server. If
     * a running session's start may not have reached the server, its start is sent again instead.
     *
     * @param user who signs in, or null for a guest
     * @param desk the desk, or null
     * @throws IllegalStateException when the last session ended but its wipe is not attested yet
     */
    public SessionReceipt startSession(String user, String desk) {
        CurrentSession current = state.session().orElse(null);
        if (current != null && current.endedAt() != null) {
            throw new IllegalStateException("session " + current.sessionId()
                + " ended but its wipe is not attested: run 'kioskfleet-agent wipe' first");
        }
        if (current == null) {
            current = newSession(user, desk);
        }
        SessionStart start = current.start();
        return withServer((client, identity) -> client.startSession(identity.deviceId(), state.keys(), start));
    }

    /**
     * Starts a session on the device only: chooses its id, keeps it with the policy held now in
     * the state directory. Reporting it is the caller's part.
     */
    CurrentSession newSession(String user, String desk) {
        Instant now = now();
        DevicePolicy policy = state.policy().orElse(null);
        CurrentSession session = CurrentSession.started(
            new SessionStart(SessionIds.newId(now), user, desk, policy == null ? null : policy.etag(), now), policy);
        state.saveSession(session);
        return session;
    }

    /** Ends the current session for {@code reason}; ending an ended session reports the same end again. */
    public SessionReceipt endSession(SessionEndReason reason) {
        CurrentSession ended = endLocally(reason);
        return withServer((client, identity) -> client.endSession(identity.deviceId(), state.keys(), ended.sessionId(),
            new SessionEnd(ended.endReason() == null ? reason : ended.endReason(), ended.endedAt())));
    }

    /** Ends the current session on the device only, now, unless it has ended already; returns it ended. */
    CurrentSession endLocally(SessionEndReason reason) {
        CurrentSession current = currentSession();
        if (!current.running()) {
            return current;
        }
        CurrentSession ended = current.ended(now(), reason);
        state.saveSession(ended);
        return ended;
    }

    /**
     * Wipes the ended session's directory {@code dir} as the held policy says, signs the
     * attestation and sends it; once the server accepts it the session is forgotten.
     */
    public WipeReport wipe(Path dir) {
        CurrentSession current = currentSession();
        if (current.endedAt() == null) {
            throw new IllegalStateException("session " + current.sessionId() + " is running: end it before the wipe");
        }
        DevicePolicy policy = policyOf(current);
        WipeAttestation attestation = wipeAndSign(current, new SessionWipe(dir, policy.wipe().preserve()));
        SessionReceipt receipt = withServer((client, identity) -> client.attest(identity.deviceId(), state.keys(), attestation));
        state.forgetSession();
        return new WipeReport(attestation, receipt);
    }

    /** The policy the session's wipe follows: the one held at its start, else (older state files) the one held now. */
    DevicePolicy policyOf(CurrentSession session) {
        return session.policy() != null ? session.policy() : state.policy()
            .orElseThrow(() -> new IllegalStateException("no policy yet: run 'kioskfleet-agent check-in' first"));
    }

    /** Runs {@code wipe} after the ended session {@code ended} and signs what it did. */
    WipeAttestation wipeAndSign(CurrentSession ended, SessionWipe wipe) {
        Instant started = laterOf(now(), ended.endedAt());
        SessionWipe.Outcome outcome = wipe.run();
        Instant finished = laterOf(now(), started);
        String deviceId = state.identity().map(EnrolledIdentity::deviceId).orElseThrow();
        return AttestationSignature.sign(state.keys(), new WipeAttestation(ended.sessionId(), deviceId, started, finished,
            outcome.erased(), outcome.preserved(), outcome.remaining(), outcome.remainingDigest(), outcome.clean(), null));
    }

    /** Sends a session event or attestation the {@link EventJournal} kept, exactly as it was recorded. */
    SessionReceipt deliver(JournalEntry entry) {
        return withServer((client, identity) -> switch (entry.kind()) {
            case SESSION_START -> client.startSession(identity.deviceId(), state.keys(), entry.start());
            case SESSION_END -> client.endSession(identity.deviceId(), state.keys(), entry.sessionId(), entry.end());
            case WIPE_ATTESTATION -> client.attest(identity.deviceId(), state.keys(), entry.attestation());
        });
    }

    /** The device's clock now, to the millisecond (what the server keeps and the signature covers). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private CurrentSession currentSession() {
        return state.session().orElseThrow(() -> new IllegalStateException("no session: run 'kioskfleet-agent session-start' first"));
    }

    private static Instant laterOf(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private CheckInOutcome checkIn(DeviceActivity activity, String desk, String held) {
        CheckInRequest request = new CheckInRequest(activity, LocalInventory.read(agentVersion, desk), held);
        CheckInAnswer answer = withServer((client, identity) -> client.checkIn(identity.deviceId(), state.keys(), request));
        if (answer.state() == ManagedState.ENROLLED && state.lostMode().isPresent()) {
            state.leaveLostMode(); // an admin unlocked the device
        }
        boolean changed = answer.policy() != null;
        if (changed) {
            if (!answer.policy().hasConsistentEtag()) {
                throw new IllegalStateException("the server sent a policy whose ETag does not match its content");
            }
            state.savePolicy(answer.policy());
        }
        return new CheckInOutcome(answer, changed);
    }

    /** Something done with a client of the server the device enrolled with. */
    private interface ServerCall<T> {
        T call(FleetServerClient client, EnrolledIdentity identity);
    }

    private <T> T withServer(ServerCall<T> call) {
        EnrolledIdentity identity = state.identity()
            .orElseThrow(() -> new IllegalStateException("not enrolled yet: run 'kioskfleet-agent enroll' first"));
        try (FleetServerClient client = clients.apply(URI.create(identity.server()))) {
            return call.call(client, identity);
        }
    }

    /**
     * What a wipe did.
     *
     * @param attestation what the device signed and sent
     * @param receipt     the server's answer: the session's state now
     */
    public record WipeReport(WipeAttestation attestation, SessionReceipt receipt) {
    }

    /**
     * What one check-in did.
     *
     * @param answer        the server's answer
     * @param policyChanged true when a new policy arrived and was kept
     */
    public record CheckInOutcome(CheckInAnswer answer, boolean policyChanged) {
    }
}
