package io.kioskfleet.core.sessions;

import io.kioskfleet.core.policies.EffectivePolicies;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sessions whose wipe is not proven, for the compliance sweep: those ended before a cutoff that
 * are still ENDED (no valid attestation arrived) or WIPE_FAILED, read by {@code _id} from the
 * small record each such session has while it awaits proof; and the ENDED ones marked UNVERIFIED. A valid attestation arriving
 * later still makes such a session VERIFIED.
 *
 * <p>Sessions that never ended count too: still STARTED when the device's policy's longest
 * session plus a grace has passed (a device lost or broken mid-session, an agent that died). A
 * device enforces that length itself, even offline, so such a session was never wiped as far as
 * anyone can prove.
 */
public final class UnprovenWipes {

    private final SessionRepository sessions;
    private final MaxSessionLength maxLength;

    /** The longest a session of a device may run, by its policy. */
    @FunctionalInterface
    public interface MaxSessionLength {

        /** The longest session {@code deviceId} of {@code ouId} may run. */
        Duration of(String deviceId, String ouId);
    }

    /** Unproven wipes, with the longest session of each device taken from the policy in force for it now. */
    public UnprovenWipes(SessionRepository sessions, EffectivePolicies policies) {
        this(sessions, (deviceId, ouId) -> Duration.ofMinutes(
            policies.payloadForDevice(deviceId, ouId).session().maxLengthMinutes()));
    }

    public UnprovenWipes(SessionRepository sessions, MaxSessionLength maxLength) {
        this.sessions = sessions;
        this.maxLength = maxLength;
    }

    /**
     * Calls {@code each} with every session ended more than {@code grace} before {@code now}
     * whose wipe is not proven, and every session still running more than {@code grace} after
     * its device's longest session: read from the sessions recorded as awaiting proof, so the
     * cost follows how many await proof, not how many sessions are stored.
     */
    public void forEachUnproven(Instant now, Duration grace, Consumer<Session> each) {
        Instant cutoff = now.minus(grace);
        sessions.forEachUnproven(cutoff, cutoff, session -> {
            if (session.state() != SessionState.STARTED || neverEnded(session, now, grace)) {
                each.accept(session);
            }
        });
    }

    private boolean neverEnded(Session session, Instant now, Duration grace) {
        return session.startedAt().plus(maxLength.of(session.deviceId(), session.ouId())).plus(grace).isBefore(now);
    }

    /**
     * Marks those of {@code found} still ENDED as UNVERIFIED and stops reading them all at the
     * next sweep; returns how many changed. Call once their exceptions are recorded.
     */
    public long markUnverified(List<Session> found) {
        long changed = sessions.markUnverified(found);
        sessions.settled(found);
        return changed;
    }
}
