package io.kioskfleet.core.evidence;

import java.time.Instant;
import java.util.List;

/**
 * One thing an auditor must look at: a session without a holding proof, a late wipe, a device
 * offline or lost, a policy change to wipe settings, or a break in the audit chain.
 *
 * @param kind      what kind of gap ({@link SessionVerdict} names for sessions, else {@code DEVICE_OFFLINE},
 *                  {@code DEVICE_LOST}, {@code POLICY_CHANGE}, {@code AUDIT_CHAIN_BROKEN})
 * @param ouId      the unit concerned, or null
 * @param deviceId  the device concerned, or null
 * @param subjectId the session, audit event or other record concerned, or null
 * @param at        when
 * @param detail    one sentence, in English ({@link GapSentences} says it in the reader's language)
 * @param sentence  the key of that sentence in {@link GapSentences}
 * @param arguments what the sentence names (who, which record), in its order
 */
public record EvidenceGap(String kind, String ouId, String deviceId, String subjectId, Instant at, String detail,
                          String sentence, List<String> arguments) {

    public EvidenceGap {
        arguments = List.copyOf(arguments);
    }

    /** True when the gap is a session's (its verdict), not a device's, a policy change or the chain. */
    public boolean ofSession() {
        return subjectId != null && subjectId.startsWith("ses_");
    }

    /** A gap whose sentence is {@code sentence} (a key of {@link GapSentences}) with {@code arguments}. */
    static EvidenceGap of(String kind, String ouId, String deviceId, String subjectId, Instant at, String sentence,
                          String... arguments) {
        List<String> named = List.of(arguments);
        return new EvidenceGap(kind, ouId, deviceId, subjectId, at, GapSentences.ENGLISH.of(sentence, (Object[]) arguments),
            sentence, named);
    }
}
