package io.kioskfleet.core.sessions;

import io.kioskfleet.protocol.sessions.WipeAttestation;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A verified wipe attestation, stored under its session's id in the session's month: one per
 * session, so the link from session to proof is an {@code _id} read.
 *
 * @param sessionId     the session it proves wiped
 * @param deviceId      the device that signed it
 * @param ouId          the device's unit
 * @param receivedAt    when the server accepted it
 * @param sourceAddress where it came from
 * @param attestation   the attestation exactly as signed, with its signature
 * @param seal          the server's {@link RecordSeals seal}, made when it accepted the attestation (after
 *                      checking the signature); null on records from before seals existed
 */
public record StoredAttestation(@BsonId String sessionId, String deviceId, String ouId, Instant receivedAt,
                                String sourceAddress, WipeAttestation attestation, String seal) {

    /** An accepted attestation, before it is stored and sealed. */
    public StoredAttestation(String sessionId, String deviceId, String ouId, Instant receivedAt, String sourceAddress,
                             WipeAttestation attestation) {
        this(sessionId, deviceId, ouId, receivedAt, sourceAddress, attestation, null);
    }

    StoredAttestation withSeal(String newSeal) {
        return new StoredAttestation(sessionId, deviceId, ouId, receivedAt, sourceAddress, attestation, newSeal);
    }
}
