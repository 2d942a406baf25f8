package io.kioskfleet.core.audit;

import io.kioskfleet.protocol.audit.AuditLinkHash;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One link of the audit chain: who changed what, when, from where, the state before and after,
 * and a hash over all of that and the previous link's hash, so altering or removing any event
 * breaks every hash after it.
 *
 * @param id            {@code aud_} and the zero-padded sequence number
 * @param seq           position in the chain, from 1
 * @param at            when (stored to the millisecond, so the hash is over what is stored)
 * @param actor         the user name, or {@code system}
 * @param sourceAddress the caller's network address
 * @param action        what was done, e.g. {@code device.retire}
 * @param targetType    the kind of thing changed, e.g. {@code device}
 * @param targetId      its id
 * @param changeKey     identifies the change recorded, unique in the chain
 * @param before        canonical JSON of the state before, or null when created
 * @param after         canonical JSON of the state after, or null when removed
 * @param prevHash      the previous event's hash ({@link #GENESIS_HASH} for the first)
 * @param hash          SHA-256 over the canonical JSON of every other field but the id
 */
public record AuditEvent(
    @BsonId String id,
    long seq,
    Instant at,
    String actor,
    String sourceAddress,
    String action,
    String targetType,
    String targetId,
    String changeKey,
    String before,
    String after,
    String prevHash,
    String hash) {

    /** The previous hash of the first event. */
    public static final String GENESIS_HASH = AuditLinkHash.GENESIS;

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(prevHash, "prevHash");
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new link at {@code seq} after {@code prevHash}, its hash computed. */
    static AuditEvent link(long seq, Instant at, AuditEntry entry, String prevHash) {
        AuditEvent unsealed = new AuditEvent(idFor(seq), seq, at, entry.actor(), entry.sourceAddress(), entry.action(),
            entry.targetType(), entry.targetId(), entry.changeKey(), entry.before(), entry.after(), prevHash, null);
        return unsealed.withHash(unsealed.computeHash());
    }

    /** The same content with {@code newHash} as its hash. */
    AuditEvent withHash(String newHash) {
        return new AuditEvent(id, seq, at, actor, sourceAddress, action, targetType, targetId, changeKey, before, after,
            prevHash, newHash);
    }

    /** The id of the event at position {@code seq}. */
    static String idFor(long seq) {
        return String.format("aud_%012d", seq);
    }

    /** The hash this event's content should have; differs from {@link #hash()} when it was altered. */
    public String computeHash() {
        return AuditLinkHash.of(seq, at, actor, sourceAddress, action, targetType, targetId, changeKey, before, after,
            prevHash);
    }
}
