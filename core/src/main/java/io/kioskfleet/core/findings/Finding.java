package io.kioskfleet.core.findings;

import java.time.Instant;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Something a sweep found that needs attention while it lasts.
 *
 * @param id        {@code <kind>:<subjectId>}, so one subject has one finding of a kind
 * @param kind      what it is about
 * @param subjectId the device ({@code dev_…}) or command ({@code cmd_…})
 * @param deviceId  the device concerned
 * @param ouId      its unit
 * @param since     when the cause began (last check-in, command due time), or null if never seen
 * @param flaggedAt when a sweep first found it
 * @param runId     that sweep's job run
 */
public record Finding(@BsonId String id, FindingKind kind, String subjectId, String deviceId, String ouId, Instant since,
                      Instant flaggedAt, String runId) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        id = kind + ":" + subjectId;
    }

    /** A finding of {@code kind} about {@code subjectId}. */
    public static Finding of(FindingKind kind, String subjectId, String deviceId, String ouId, Instant since,
                             Instant flaggedAt, String runId) {
        return new Finding(null, kind, subjectId, deviceId, ouId, since, flaggedAt, runId);
    }
}
