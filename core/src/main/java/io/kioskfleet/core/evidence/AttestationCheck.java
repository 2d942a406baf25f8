package io.kioskfleet.core.evidence;

import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.sessions.StoredAttestation;
import io.kioskfleet.protocol.sessions.RemainingManifest;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks a stored attestation again, in two steps that a streaming report can take apart: what
 * the attestation alone proves (its signature, its manifest digest, its clean flag), then whether
 * the stored session agrees with it (same device, wipe after the end, in time).
 */
final class AttestationCheck {

    private AttestationCheck() {
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
     * The verdict of a session given what its attestation proved alone ({@code proof}: null when
     * there is none), the device that signed it, and when the wipe started and finished.
     */
    static SessionVerdict ofSession(Session session, SessionVerdict proof, String attestedDevice, Instant wipeStartedAt,
                                    Instant wipeFinishedAt, Duration lateAfter) {
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
