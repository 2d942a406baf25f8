package io.kioskfleet.core.evidence;

import io.kioskfleet.core.sessions.AttestationEvidence;
import io.kioskfleet.core.sessions.Session;

/**
 * One session as the report shows it: the stored session, what its evidence says, and its
 * attestation read again (null when there is none).
 *
 * @param session     the session
 * @param verdict     what its evidence says
 * @param attestation its attestation with the signature checked again, or null
 */
public record SessionLine(Session session, SessionVerdict verdict, AttestationEvidence attestation) {
}
