package io.kioskfleet.core.audit;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A change about to be written, kept until its audit event is in the chain. If the service
 * dies in between, the intent survives and the next start records the change if it happened.
 *
 * @param id            random id of this intent
 * @param entry         the audit event to write
 * @param collection    where the changed document lives
 * @param documentId    the changed document's id
 * @param targetVersion its version after the change
 * @param removal       true when the change removes it
 * @param at            when the change was made
 */
public record ChangeIntent(@BsonId String id, AuditEntry entry, String collection, String documentId, long targetVersion,
                           boolean removal, Instant at) {
}
