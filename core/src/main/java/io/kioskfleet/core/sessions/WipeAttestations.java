package io.kioskfleet.core.sessions;

import io.kioskfleet.core.background.Subscribers;
import java.util.function.Consumer;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.deviceauth.DeviceCredentialCache;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.policies.EffectivePolicies;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.VersionConflictException;
import io.kioskfleet.protocol.sessions.ErasedArea;
import io.kioskfleet.protocol.sessions.PreservePattern;
import io.kioskfleet.protocol.sessions.RemainingFile;
import io.kioskfleet.protocol.sessions.RemainingManifest;
import io.kioskfleet.protocol.sessions.SessionReceipt;
import io.kioskfleet.protocol.sessions.SessionState;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import io.kioskfleet.protocol.signing.AttestationSignature;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Takes a device's wipe attestation: verifies its signature with the device's enrolled key, that
 * it is about one of the device's ended sessions, that its times and counts are consistent, that
 * the remaining manifest matches its digest and lies within the preserve patterns it names, and
 * that those are patterns of the device's policy; then stores it under the session's id and marks
 * the session VERIFIED (or WIPE_FAILED when the device's own re-scan found leftovers). Sending the
 * same attestation again is harmless; anything refused is stored with its reason and refused.
 */
public final class WipeAttestations {

    private static final int TRANSITION_ATTEMPTS = 4;

    private final SessionRepository sessions;
    private final DeviceCredentialCache credentials;
    private final EffectivePolicies policies;
    private final SessionTallies tallies;
    private final Clock clock;
    private final Subscribers<Session> wipeFailed = new Subscribers<>("wipe failed");

    public WipeAttestations(SessionRepository sessions, DeviceCredentialCache credentials, EffectivePolicies policies,
                            SessionTallies tallies, Clock clock) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.policies = policies;
        this.tallies = tallies;
        this.clock = clock;
    }

    /**
     * Verifies and stores the attestation of session {@code sessionId} sent by {@code device}.
     *
     * @throws AttestationRefusedException when it is refused (and recorded as refused)
     */
    public SessionReceipt receive(AuthenticatedDevice device, String sessionId, WipeAttestation attestation,
                                  String sourceAddress) {
        checkShape(attestation);
        Instant now = clock.instant();
        try {
            return verifyAndStore(device, sessionId, attestation, sourceAddress, now);
        } catch (AttestationRefusedException refused) {
            sessions.insertRefused(new RefusedAttestation(IdKind.REFUSED_ATTESTATION.newId(), sessionId, device.deviceId(),
                device.ouId(), refused.reason(), refused.getMessage(), now, sourceAddress, attestation));
            throw refused;
        }
    }

    /** True when the stored attestation's signature still verifies with its device's enrolled key. */
    public boolean signatureHolds(StoredAttestation stored) {
        return credentials.enrolledKeyOf(stored.deviceId())
            .map(key -> AttestationSignature.verify(key, stored.attestation())).orElse(false);
    }

    private SessionReceipt verifyAndStore(AuthenticatedDevice device, String sessionId, WipeAttestation attestation,
                                          String sourceAddress, Instant now) {
        requireThat(sessionId.equals(attestation.sessionId()), "wrong-session",
            "the attestation names session " + attestation.sessionId() + ", not " + sessionId);
        requireThat(device.deviceId().equals(attestation.deviceId()), "wrong-device",
            "the attestation names device " + attestation.deviceId() + ", not the one that sent it");
        byte[] key = credentials.enrolledKeyOf(device.deviceId()).orElse(null);
        requireThat(AttestationSignature.verify(key, attestation), "bad-signature",
            "the signature does not verify with the device's enrolled key");
        Session session = sessions.find(sessionId)
            .orElseThrow(() -> refusal("unknown-session", "no session " + sessionId + " was reported started"));
        requireThat(session.deviceId().equals(device.deviceId()), "foreign-session",
            "session " + sessionId + " belongs to another device");
        StoredAttestation earlier = sessions.findAttestation(sessionId).orElse(null);
        if (earlier != null) {
            return again(earlier, attestation, session);
        }
        requireThat(session.state() != SessionState.STARTED, "session-not-ended",
            "session " + sessionId + " has not ended; report its end first");
        checkTimes(session, attestation, now);
        checkManifest(attestation);
        checkPreserveWithinPolicy(device, session, attestation);
        StoredAttestation stored = new StoredAttestation(sessionId, device.deviceId(), device.ouId(), now, sourceAddress,
            attestation);
        if (!sessions.insertAttestation(stored)) {
            return again(sessions.findAttestation(sessionId).orElseThrow(), attestation, session);
        }
        return SessionEvents.receiptOf(markWiped(sessionId, attestation.clean()));
    }

    /** A second attestation for a session: the same one again is fine, another is a replay. */
    private SessionReceipt again(StoredAttestation earlier, WipeAttestation attestation, Session session) {
        requireThat(earlier.attestation().signature().equals(attestation.signature()), "already-attested",
            "session " + session.id() + " has an attestation already; a session is wiped once");
        return SessionEvents.receiptOf(session);
    }

    private void checkTimes(Session session, WipeAttestation attestation, Instant now) {
        requireThat(!attestation.wipeStartedAt().isBefore(session.endedAt()), "inconsistent-times",
            "the wipe started (" + attestation.wipeStartedAt() + ") before the session ended (" + session.endedAt() + ")");
        requireThat(!attestation.wipeFinishedAt().isBefore(attestation.wipeStartedAt()), "inconsistent-times",
            "the wipe finished before it started");
        requireThat(!attestation.wipeFinishedAt().isAfter(now.plus(SessionEvents.CLOCK_SKEW)), "inconsistent-times",
            "the wipe finished in the future (" + attestation.wipeFinishedAt() + ")");
    }

    private static void checkManifest(WipeAttestation attestation) {
        boolean nonNegative = attestation.erased().stream().allMatch(area -> area.files() >= 0 && area.bytes() >= 0)
            && attestation.remaining().stream().allMatch(file -> file.size() >= 0);
        requireThat(nonNegative, "negative-counts", "file and byte counts must not be negative");
        requireThat(RemainingManifest.digestOf(attestation.remaining()).equals(attestation.remainingDigest()),
            "manifest-mismatch", "the remaining-manifest digest does not match the remaining files");
        if (!attestation.clean()) {
            return; // an honest failed wipe: its leftovers are in the manifest and the session becomes WIPE_FAILED
        }
        List<PreservePattern> kept = attestation.preserved().stream().map(PreservePattern::of).toList();
        for (RemainingFile file : attestation.remaining()) {
            requireThat(kept.stream().anyMatch(pattern -> pattern.matches(file.path())), "remaining-not-preserved",
                "the wipe claims to be clean, but the remaining file " + file.path()
                    + " is matched by none of the preserve patterns named");
        }
    }

    /**
     * The patterns must be the policy's the device held when the session started, if the server
     * knew it then (else, those of the policy in force now): a policy changed during the session
     * neither refuses an honest wipe nor widens what the session may keep.
     */
    private void checkPreserveWithinPolicy(AuthenticatedDevice device, Session session, WipeAttestation attestation) {
        Set<String> allowed = Set.copyOf(session.preserveAtStart() != null ? session.preserveAtStart()
            : policies.payloadForDevice(device.deviceId(), device.ouId()).wipe().preserve());
        for (String pattern : attestation.preserved()) {
            requireThat(allowed.contains(pattern), "preserve-wider-than-policy",
                "the device kept " + pattern + ", which the wipe.preserve of the policy "
                    + (session.preserveAtStart() != null ? "it held at the session's start" : "in force now") + " does not list");
        }
    }

    private Session markWiped(String sessionId, boolean clean) {
        SessionState outcome = clean ? SessionState.VERIFIED : SessionState.WIPE_FAILED;
        for (int attempt = 1; ; attempt++) {
            Session current = sessions.find(sessionId).orElseThrow();
            if (current.state() == outcome) {
                return current;
            }
            Session changed = current.inState(outcome);
            try {
                sessions.replace(changed, current.version());
                tallies.wiped(changed, clean); // counted once: only the write that changed the state gets here
                if (outcome == SessionState.WIPE_FAILED) {
                    wipeFailed.tell(changed);
                }
                return changed;
            } catch (VersionConflictException raced) {
                if (attempt == TRANSITION_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** Calls {@code subscriber} with each session that becomes WIPE_FAILED (once per session). */
    public void whenWipeFailed(Consumer<Session> subscriber) {
        wipeFailed.add(subscriber);
    }

    /** Malformed bodies are bad input (400), not refused attestations. */
    private static void checkShape(WipeAttestation attestation) {
        new InputCheck()
            .require(attestation != null, "$", Rule.BODY_REQUIRED)
            .orThrow();
        new InputCheck()
            .require(attestation.sessionId() != null, "sessionId", Rule.REQUIRED)
            .require(attestation.deviceId() != null, "deviceId", Rule.REQUIRED)
            .require(wholeMillis(attestation.wipeStartedAt()), "wipeStartedAt", Rule.WHOLE_MILLISECONDS)
            .require(wholeMillis(attestation.wipeFinishedAt()), "wipeFinishedAt", Rule.WHOLE_MILLISECONDS)
            .require(attestation.remainingDigest() != null, "remainingDigest", Rule.REQUIRED)
            .require(attestation.signature() != null, "signature", Rule.REQUIRED)
            .require(Stream.concat(attestation.erased().stream().map(ErasedArea::area),
                    attestation.remaining().stream().map(RemainingFile::path)).allMatch(text -> text != null),
                "erased", Rule.EMPTY_ITEM)
            .require(attestation.preserved().stream().allMatch(text -> text != null), "preserved", Rule.EMPTY_ITEM)
            .orThrow();
    }

    private static boolean wholeMillis(Instant instant) {
        return instant != null && instant.getNano() % 1_000_000 == 0;
    }

    private static void requireThat(boolean holds, String reason, String message) {
        if (!holds) {
            throw refusal(reason, message);
        }
    }

    private static AttestationRefusedException refusal(String reason, String message) {
        return new AttestationRefusedException(reason, message);
    }
}
