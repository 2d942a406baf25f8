package io.kioskfleet.protocol.sessions;

import io.kioskfleet.protocol.canonical.CanonicalJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a device signs after wiping a session (the body of {@code POST
 * /agent/v1/sessions/{id}/attestation}): what it erased, what it kept and why, and when.
 * The signature covers {@link #canonicalContent()}, every field but itself.
 *
 * @param sessionId       the session whose data was wiped
 * @param deviceId        the device that wiped it
 * @param wipeStartedAt   when the wipe began
 * @param wipeFinishedAt  when the wipe and its re-scan ended
 * @param erased          per area, how many files and bytes were deleted
 * @param preserved       the preserve patterns of the policy that kept at least one file
 * @param remaining       the remaining manifest: every file left in the wiped areas
 * @param remainingDigest {@link RemainingManifest#digestOf} of {@code remaining}
 * @param clean           true when the re-scan after the wipe found nothing but preserved files
 * @param signature       the device's Ed25519 signature, base64url; see {@code AttestationSignature}
 */
public record WipeAttestation(String sessionId, String deviceId, Instant wipeStartedAt, Instant wipeFinishedAt,
                              List<ErasedArea> erased, List<String> preserved, List<RemainingFile> remaining,
                              String remainingDigest, boolean clean, String signature) {

    public WipeAttestation {
        erased = erased == null ? List.of() : List.copyOf(erased);
        preserved = preserved == null ? List.of() : List.copyOf(preserved);
        remaining = remaining == null ? List.of() : List.copyOf(remaining);
    }

    /** The same attestation carrying {@code newSignature}. */
    public WipeAttestation withSignature(String newSignature) {
        return new WipeAttestation(sessionId, deviceId, wipeStartedAt, wipeFinishedAt, erased, preserved, remaining,
            remainingDigest, clean, newSignature);
    }

    /** The canonical JSON of every field but the signature: the bytes the device signs. */
    public String canonicalContent() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("sessionId", sessionId);
        tree.put("deviceId", deviceId);
        tree.put("wipeStartedAt", wipeStartedAt);
        tree.put("wipeFinishedAt", wipeFinishedAt);
        tree.put("erased", erased.stream().map(ErasedArea::canonicalTree).toList());
        tree.put("preserved", preserved);
        tree.put("remaining", remaining.stream().map(RemainingFile::canonicalTree).toList());
        tree.put("remainingDigest", remainingDigest);
        tree.put("clean", clean);
        return CanonicalJson.write(tree);
    }

    /** Files deleted over all areas. */
    public long erasedFiles() {
        return erased.stream().mapToLong(ErasedArea::files).sum();
    }

    /** Bytes deleted over all areas. */
    public long erasedBytes() {
        return erased.stream().mapToLong(ErasedArea::bytes).sum();
    }
}
