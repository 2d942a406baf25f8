package io.kioskfleet.agent;

import io.kioskfleet.protocol.audit.AuditLinkHash;
import io.kioskfleet.protocol.signing.EvidenceSignature;
import io.kioskfleet.protocol.signing.ServerKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks evidence a KioskFleet server exported, without the server: that an export's detached
 * signature is by the given public key and names the export's bytes, and that an audit-chain
 * export (JSON lines) is an unbroken chain, each event's hash recomputed from its content.
 */
final class EvidenceVerifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One finding: whether it holds, and a one-line message. */
    record Finding(boolean valid, String message) {
    }

    private final byte[] publicKey;

    EvidenceVerifier(String publicKeyPem) {
        this.publicKey = ServerKeys.fromPem(publicKeyPem);
    }

    /** Checks the export in {@code file} against its signature file's text. */
    Finding export(Path file, String signatureText) {
        EvidenceSignature signature;
        try {
            signature = EvidenceSignature.parse(signatureText);
        } catch (IllegalArgumentException notOne) {
            return new Finding(false, file.getFileName() + ": INVALID signature file: " + notOne.getMessage());
        }
        if (!signature.keyFingerprint().equals(ServerKeys.fingerprintOf(publicKey))) {
            return new Finding(false, file.getFileName() + ": INVALID: signed by key " + signature.keyFingerprint()
                + ", not by the given key " + ServerKeys.fingerprintOf(publicKey));
        }
        String actual = sha256Of(file);
        if (!signature.verifiesDigest(publicKey, actual)) {
            return new Finding(false, file.getFileName() + ": INVALID: the signature does not match the file"
                + (signature.contentSha256().equals(actual) ? "" : " (it was changed after signing)"));
        }
        return new Finding(true, file.getFileName() + ": valid, signed by key " + signature.keyFingerprint());
    }

    /** Recomputes every hash of an audit-chain export and checks each event follows the one before. */
    static Finding auditChain(Path file) {
        String previousHash = AuditLinkHash.GENESIS;
        long position = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                position++;
                String problem = problemWith(line, position, previousHash);
                if (problem != null) {
                    return new Finding(false, file.getFileName() + ": audit chain BROKEN at event " + position + ": " + problem);
                }
                previousHash = JSON.readTree(line).path("hash").asText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Finding(true, file.getFileName() + ": audit chain intact, " + position + " events, head " + previousHash);
    }

    private static String problemWith(String line, long position, String previousHash) {
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (RuntimeException notJson) {
            return "the line is not JSON";
        }
        if (event.path("seq").asLong(-1) != position) {
            return "it claims position " + event.path("seq").asText() + " (events are missing or out of order)";
        }
        if (!previousHash.equals(text(event, "prevHash"))) {
            return "it does not follow the event before it (previous hash differs)";
        }
        String recomputed;
        try {
            recomputed = AuditLinkHash.of(position, Instant.parse(text(event, "at")), text(event, "actor"),
                text(event, "sourceAddress"), text(event, "action"), text(event, "targetType"), text(event, "targetId"),
                text(event, "changeKey"), text(event, "before"), text(event, "after"), text(event, "prevHash"));
        } catch (RuntimeException malformed) {
            return "its fields are malformed (" + malformed.getMessage() + ")";
        }
        if (!recomputed.equals(text(event, "hash"))) {
            return "event " + text(event, "id") + " was altered (its hash does not match its content)";
        }
        return null;
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String sha256Of(Path file) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
