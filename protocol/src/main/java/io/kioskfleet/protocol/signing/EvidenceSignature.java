package io.kioskfleet.protocol.signing;

import io.kioskfleet.protocol.canonical.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A detached signature of an evidence export (a report or an audit-chain export), kept in a
 * small text file beside it ({@code report.csv.sig}). The server's Ed25519 key signs the line
 * {@code kioskfleet-evidence v1 <sha256 of the export's bytes>}, so the export can be any size
 * and is hashed while it streams; the file also names the key by its fingerprint.
 *
 * @param contentSha256  lower-case hex SHA-256 of the export's bytes
 * @param keyFingerprint {@link ServerKeys#fingerprintOf} of the signing key
 * @param signature      Ed25519 signature, base64url without padding
 */
public record EvidenceSignature(String contentSha256, String keyFingerprint, String signature) {

    private static final String HEADER = "kioskfleet-evidence-signature v1";
    private static final String SIGNED_PREFIX = "kioskfleet-evidence v1 ";

    /** Signs the export whose bytes hash to {@code contentSha256}. */
    public static EvidenceSignature sign(DeviceKeyPair serverKey, String contentSha256) {
        return new EvidenceSignature(contentSha256, ServerKeys.fingerprintOf(serverKey.publicKeyBytes()),
            Ed25519.sign(serverKey, signedBytes(contentSha256)));
    }

    /** True when the signature is by {@code rawPublicKey} and names these very bytes. */
    public boolean verifies(byte[] rawPublicKey, byte[] content) {
        return verifiesDigest(rawPublicKey, Sha256.hex(content));
    }

    /** True when the signature is by {@code rawPublicKey} and names the export hashing to {@code actualSha256}. */
    public boolean verifiesDigest(byte[] rawPublicKey, String actualSha256) {
        return contentSha256.equals(actualSha256)
            && Ed25519.verify(rawPublicKey, signedBytes(contentSha256), signature);
    }

    /** The signature file's text: a header line, then one {@code name value} line per field. */
    public String toText() {
        return HEADER + "\nalgorithm Ed25519\ncontent-sha256 " + contentSha256 + "\nkey-fingerprint " + keyFingerprint
            + "\nsignature " + signature + "\n";
    }

    /**
     * Reads a signature file.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static EvidenceSignature parse(String text) {
        String[] lines = text.strip().split("\\R");
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
            throw new IllegalArgumentException("not a KioskFleet evidence signature (the first line must be " + HEADER + ")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] parts = lines[i].strip().split(" ", 2);
            if (parts.length == 2) {
                fields.put(parts[0], parts[1].strip());
            }
        }
        if (!"Ed25519".equals(fields.get("algorithm"))) {
            throw new IllegalArgumentException("the signature's algorithm must be Ed25519");
        }
        for (String name : new String[] {"content-sha256", "key-fingerprint", "signature"}) {
            if (fields.get(name) == null) {
                throw new IllegalArgumentException("the signature file has no " + name + " line");
            }
        }
        return new EvidenceSignature(fields.get("content-sha256"), fields.get("key-fingerprint"), fields.get("signature"));
    }

    private static byte[] signedBytes(String contentSha256) {
        return (SIGNED_PREFIX + contentSha256).getBytes(StandardCharsets.UTF_8);
    }
}
