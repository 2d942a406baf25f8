package io.kioskfleet.core.sessions;

import io.kioskfleet.protocol.sessions.WipeAttestation;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An attestation the server refused, kept with the reason in the month it arrived, so auditors
 * see forged, replayed and inconsistent proofs as well as the good ones.
 *
 * @param id            {@code rat_…}
 * @param sessionId     the session named in the request path
 * @param deviceId      the authenticated device that sent it
 * @param ouId          that device's unit
 * @param reason        the stable reason, such as {@code bad-signature}
 * @param detail        one human sentence
 * @param receivedAt    when it arrived
 * @param sourceAddress where it came from
 * @param attestation   what was sent
 */
public record RefusedAttestation(@BsonId String id, String sessionId, String deviceId, String ouId, String reason,
                                 String detail, Instant receivedAt, String sourceAddress,
                                 WipeAttestation attestation) {
}
