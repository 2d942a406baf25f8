package io.kioskfleet.core.policies;

import java.time.Instant;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Which policy applies at an OU (and below it). An OU has at most one: the OU id is the key.
 *
 * @param ouId          the organisation unit
 * @param policyId      the attached policy
 * @param pinnedVersion the published version that applies, or null for whatever is latest
 * @param attachedAt    when it was attached
 * @param attachedBy    who attached it
 * @param version       optimistic concurrency version, starting at 1
 */
public record PolicyAttachment(
    @BsonId String ouId,
    String policyId,
    Integer pinnedVersion,
    Instant attachedAt,
    String attachedBy,
    long version) {

    public PolicyAttachment {
        Objects.requireNonNull(ouId, "ouId");
        Objects.requireNonNull(policyId, "policyId");
    }

    /** True when the OU follows the policy's newest published version. */
    public boolean followsLatest() {
        return pinnedVersion == null;
    }
}
