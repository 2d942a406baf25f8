package io.kioskfleet.core.enrollment;

import java.time.Instant;

/**
 * An enrollment token as admins see it: never its secret or the secret's hash.
 *
 * @param id        {@code ent_…}
 * @param ouId      the unit whose devices (and those of its sub-units) it may enroll
 * @param maxUses   how many devices it may enroll
 * @param uses      how many it has enrolled
 * @param expiresAt when it stops working
 * @param note      what it is for
 * @param state     whether it can enroll now
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param revokedAt when it was revoked, or null
 * @param revokedBy who revoked it, or null
 * @param version   its version, to name when revoking
 */
public record EnrollmentTokenView(String id, String ouId, int maxUses, int uses, Instant expiresAt, String note,
                                  TokenState state, Instant createdAt, String createdBy, Instant revokedAt,
                                  String revokedBy, long version) {
}
