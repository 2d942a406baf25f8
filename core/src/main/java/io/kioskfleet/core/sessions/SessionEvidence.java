package io.kioskfleet.core.sessions;

/**
 * A session with the proof of its wipe, as the console shows it.
 *
 * @param session     the session
 * @param attestation its accepted attestation, or null while there is none
 */
public record SessionEvidence(Session session, AttestationEvidence attestation) {
}
