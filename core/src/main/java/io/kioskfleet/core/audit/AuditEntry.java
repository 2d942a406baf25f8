package io.kioskfleet.core.audit;

/**
 * What one audit event says, before it takes its place in the chain.
 *
 * @param changeKey     identifies the change, so it is recorded once however often recording is retried
 * @param actor         the user name, or {@code system}
 * @param sourceAddress the caller's network address
 * @param action        what was done, e.g. {@code device.retire}
 * @param targetType    the kind of thing changed, e.g. {@code device}
 * @param targetId      its id
 * @param before        canonical JSON of the state before, or null when created
 * @param after         canonical JSON of the state after, or null when removed
 */
public record AuditEntry(String changeKey, String actor, String sourceAddress, String action, String targetType,
                         String targetId, String before, String after) {
}
