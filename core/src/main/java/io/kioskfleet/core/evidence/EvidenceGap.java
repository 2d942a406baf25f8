package io.kioskfleet.core.evidence;

import java.time.Instant;

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
 * @param detail    one sentence
 */
public record EvidenceGap(String kind, String ouId, String deviceId, String subjectId, Instant at, String detail) {
}
