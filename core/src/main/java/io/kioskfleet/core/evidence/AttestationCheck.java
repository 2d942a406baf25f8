package io.kioskfleet.core.evidence;

import io.kioskfleet.core.sessions.RecordSeals;
import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.sessions.StoredAttestation;
import io.kioskfleet.protocol.sessions.RemainingManifest;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Checks a stored attestation again, in two steps that a streaming report can take apart: what
 * the attestation alone proves (its signature, its manifest digest, its clean flag), then whether
 * the stored session agrees with it (same device, wipe after the end, in time).
 */
final class AttestationCheck {

    private AttestationCheck() {
    }

    /**
     * The verdict of a stored attestation on its own, trusting its seal: a seal that holds was
     * made after the server verified the device's signature, so the signature is checked again
     * ({@code signatureHolds}, about 100 µs) only when the seal does not hold, when there is none
     * (a record from before seals), or when {@code alsoSignature} asks for it (a drill-down, a
     * sample). A record whose seal broke but whose signature holds was altered outside what the
     * device signed (its unit, its time of receipt): a record mismatch.
     */
    static SessionVerdict sealed(StoredAttestation stored, RecordSeals seals, Predicate<StoredAttestation> signatureHolds,
                                 boolean alsoSignature) {
        boolean sealHolds = seals.holds(stored);
        if (sealHolds && !alsoSignature) {
            return alone(stored, true);
        }
        SessionVerdict verdict = alone(stored, signatureHolds.test(stored));
        boolean sealBroken = !sealHolds && (stored.seal() != null || seals.mustBeSealed(stored.sessionId()));
        return sealBroken && (verdict == SessionVerdict.VERIFIED || verdict == SessionVerdict.WIPE_FAILED)
            ? SessionVerdict.RECORD_MISMATCH : verdict;
    }

    /**
     * True when the session record is as the server wrote it: its seal holds, or it is from before
     * seals and has none. A broken seal is a record mismatch whatever its attestation says.
     */
    static boolean sessionIntact(Session session, RecordSeals seals) {
        return seals.holds(session) || (session.seal() == null && !seals.mustBeSealed(session.id()));
    }

    /** The verdict of the attestation on its own: VERIFIED when nothing in it is wrong. */
    static SessionVerdict alone(StoredAttestation stored, boolean signatureHolds) {
        WipeAttestation attestation = stored.attestation();
        if (!signatureHolds) {
            return SessionVerdict.BAD_SIGNATURE;
        }
        if (!RemainingManifest.digestOf(attestation.remaining()).equals(attestation.remainingDigest())) {
            return SessionVerdict.DIGEST_MISMATCH;
        }
        if (!stored.sessionId().equals(attestation.sessionId()) || !stored.deviceId().equals(attestation.deviceId())) {
            return SessionVerdict.RECORD_MISMATCH;
        }
        return attestation.clean() ? SessionVerdict.VERIFIED : SessionVerdict.WIPE_FAILED;
    }

    /**
     * The verdict of a session given whether its record is intact (its seal), what its attestation proved alone ({@code proof}: null when
     * there is none), the device that signed it, and when the wipe started and finished.
     */
    static SessionVerdict ofSession(Session session, boolean sessionIntact, SessionVerdict proof, String attestedDevice,
                                    Instant wipeStartedAt, Instant wipeFinishedAt, Duration lateAfter) {
        if (!sessionIntact) {
            return SessionVerdict.RECORD_MISMATCH;
        }
        if (proof == null) {
            return session.endedAt() == null ? SessionVerdict.RUNNING : SessionVerdict.MISSING;
        }
        boolean agrees = session.deviceId().equals(attestedDevice) && session.endedAt() != null
            && !wipeStartedAt.isBefore(session.endedAt());
        if (!agrees) {
            return SessionVerdict.RECORD_MISMATCH;
        }
        if (proof != SessionVerdict.VERIFIED) {
            return proof;
        }
        return wipeFinishedAt.isAfter(session.endedAt().plus(lateAfter)) ? SessionVerdict.LATE : SessionVerdict.VERIFIED;
    }
}
