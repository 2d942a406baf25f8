package io.kioskfleet.core.policies;

import java.time.Instant;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One published version of a policy. It is never changed once written; rolling back publishes
 * a new version with an older one's text.
 *
 * @param id             {@code pv_…}
 * @param policyId       the policy it belongs to
 * @param number         1, 2, 3… per policy, unique by index
 * @param source         the text as written when it was published
 * @param etag           the document ETag: SHA-256 of its canonical JSON
 * @param publishedAt    when it was published
 * @param publishedBy    who published it
 * @param rolledBackFrom the version whose text it repeats, when it was a roll back; else null
 */
public record PolicyVersion(
    @BsonId String id,
    String policyId,
    int number,
    String source,
    String etag,
    Instant publishedAt,
    String publishedBy,
    Integer rolledBackFrom) {

    public PolicyVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(etag, "etag");
        if (number < 1) {
            throw new IllegalArgumentException("versions are numbered from 1");
        }
    }
}
