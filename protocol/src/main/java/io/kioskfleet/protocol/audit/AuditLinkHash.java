package io.kioskfleet.protocol.audit;

import io.kioskfleet.protocol.canonical.CanonicalJson;
import io.kioskfleet.protocol.canonical.Sha256;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash of one audit-chain event: SHA-256 over the canonical JSON of every field but its id
 * and its own hash, the previous event's hash included. One implementation for the server, which
 * seals each event, and for an offline verifier, which recomputes a chain export without it.
 */
public final class AuditLinkHash {

    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditLinkHash() {
    }

    /** The hex hash of an event with these fields ({@code at} at millisecond precision, as stored). */
    public static String of(long seq, Instant at, String actor, String sourceAddress, String action, String targetType,
                            String targetId, String changeKey, String before, String after, String prevHash) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("seq", seq);
        content.put("at", at);
        content.put("actor", actor);
        content.put("sourceAddress", sourceAddress);
        content.put("action", action);
        content.put("targetType", targetType);
        content.put("targetId", targetId);
        content.put("changeKey", changeKey);
        content.put("before", before);
        content.put("after", after);
        content.put("prevHash", prevHash);
        return Sha256.hex(CanonicalJson.write(content));
    }
}
