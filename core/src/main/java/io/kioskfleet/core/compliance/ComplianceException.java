package io.kioskfleet.core.compliance;

import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Instant;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A session whose wipe is not proven, found by a compliance sweep; at most one per session.
 *
 * @param sessionId      {@code ses_…}, the key
 * @param deviceId       the device the session ran on
 * @param ouId           the device's unit then
 * @param sessionState   UNVERIFIED (no valid attestation in time), WIPE_FAILED (leftovers reported) or
 *                       STARTED (the session never ended: still running long after its policy's longest session)
 * @param sessionEndedAt when the session ended, or null when it never did
 * @param foundAt        when the sweep found it
 * @param runId          the sweep's job run
 */
public record ComplianceException(@BsonId String sessionId, String deviceId, String ouId, SessionState sessionState,
                                  Instant sessionEndedAt, Instant foundAt, String runId) {

    public ComplianceException {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionState, "sessionState");
    }
}
