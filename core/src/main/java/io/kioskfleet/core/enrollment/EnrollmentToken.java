package io.kioskfleet.core.enrollment;

import java.time.Instant;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A token an admin hands to whoever sets up laptops: it enrolls devices of one organisation unit
 * (and the units below it) until it expires, is revoked or its uses run out. Only the SHA-256 of
 * its secret is stored; the secret itself is shown once, when the token is created.
 *
 * @param id         {@code ent_…}
 * @param ouId       the unit whose devices (and those of its sub-units) it may enroll
 * @param secretHash hex SHA-256 of the secret
 * @param maxUses    how many devices it may enroll
 * @param usesLeft   how many more; taken one at a time, atomically
 * @param expiresAt  when it stops working
 * @param note       what it is for, for the admins
 * @param createdAt  when it was created
 * @param createdBy  who created it
 * @param revokedAt  when it was revoked, or null
 * @param revokedBy  who revoked it, or null
 * @param version    optimistic concurrency version (every use counts as a change)
 */
public record EnrollmentToken(@BsonId String id, String ouId, String secretHash, int maxUses, int usesLeft,
                              Instant expiresAt, String note, Instant createdAt, String createdBy, Instant revokedAt,
                              String revokedBy, long version) {

    public EnrollmentToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ouId, "ouId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether it can enroll a device at {@code now}, and if not, why. */
    public TokenState stateAt(Instant now) {
        if (revokedAt != null) {
            return TokenState.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return TokenState.EXPIRED;
        }
        return usesLeft <= 0 ? TokenState.USED_UP : TokenState.ACTIVE;
    }

    /** What admins see of it: everything but the secret's hash. */
    public EnrollmentTokenView view(Instant now) {
        return new EnrollmentTokenView(id, ouId, maxUses, maxUses - usesLeft, expiresAt, note, stateAt(now), createdAt,
            createdBy, revokedAt, revokedBy, version);
    }
}
