package io.kioskfleet.core.sessions;

import io.kioskfleet.protocol.sessions.ErasedArea;
import io.kioskfleet.protocol.sessions.RemainingFile;
import java.time.Instant;
import java.util.List;

/**
 * A session's wipe attestation as an auditor reads it: the signature checked again on reading,
 * what was erased (in sum and per area) and what remains.
 *
 * @param signatureVerified true when the signature verifies now with the device's enrolled key
 * @param receivedAt        when the server accepted it
 * @param wipeStartedAt     when the wipe began (device clock)
 * @param wipeFinishedAt    when it ended (device clock)
 * @param erasedFiles       files deleted in all
 * @param erasedBytes       bytes deleted in all
 * @param erased            per area
 * @param preserved         the preserve patterns that kept something
 * @param remaining         the remaining manifest
 * @param remainingDigest   its digest
 * @param clean             the device's re-scan found nothing but preserved files
 * @param signature         the device's signature
 */
public record AttestationEvidence(boolean signatureVerified, Instant receivedAt, Instant wipeStartedAt,
                                  Instant wipeFinishedAt, long erasedFiles, long erasedBytes, List<ErasedArea> erased,
                                  List<String> preserved, List<RemainingFile> remaining, String remainingDigest,
                                  boolean clean, String signature) {

    /** The auditor's reading of a stored attestation whose signature was checked again ({@code signatureVerified}). */
    public static AttestationEvidence of(StoredAttestation stored, boolean signatureVerified) {
        var attestation = stored.attestation();
        return new AttestationEvidence(signatureVerified, stored.receivedAt(), attestation.wipeStartedAt(),
            attestation.wipeFinishedAt(), attestation.erasedFiles(), attestation.erasedBytes(), attestation.erased(),
            attestation.preserved(), attestation.remaining(), attestation.remainingDigest(), attestation.clean(),
            attestation.signature());
    }
}
