package io.kioskfleet.core.policies;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.VersionConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores which policy is attached to which OU in {@code policy_attachments}, keyed by OU id, so
 * an OU has at most one. There is one entry per OU at most, so reads take all of them.
 */
public final class PolicyAttachmentRepository implements DeclaresIndexes {

    static final String COLLECTION = "policy_attachments";

    private final MongoCollection<PolicyAttachment> attachments;

    public PolicyAttachmentRepository(FleetStore store) {
        this.attachments = store.collection(COLLECTION, PolicyAttachment.class);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("policyId")));
    }

    Optional<PolicyAttachment> find(String ouId) {
        return Optional.ofNullable(attachments.find(eq("_id", ouId)).first());
    }

    List<PolicyAttachment> all() {
        return attachments.find().into(new ArrayList<>());
    }

    /** Stores {@code attachment} in place of the one at {@code replacedVersion} (0: there was none). */
    void put(PolicyAttachment attachment, long replacedVersion) {
        if (replacedVersion == 0) {
            try {
                attachments.insertOne(attachment);
                return;
            } catch (MongoException e) {
                if (!DuplicateKeys.isDuplicateKey(e)) {
                    throw e;
                }
                throw stale(attachment.ouId(), replacedVersion);
            }
        }
        if (attachments.replaceOne(and(eq("_id", attachment.ouId()), eq("version", replacedVersion)), attachment)
            .getMatchedCount() == 0) {
            throw stale(attachment.ouId(), replacedVersion);
        }
    }

    void delete(String ouId, long expectedVersion) {
        if (attachments.deleteOne(and(eq("_id", ouId), eq("version", expectedVersion))).getDeletedCount() == 0) {
            throw stale(ouId, expectedVersion);
        }
    }

    private RuntimeException stale(String ouId, long expectedVersion) {
        return find(ouId)
            .<RuntimeException>map(current -> new VersionConflictException("policy attachment", ouId, expectedVersion,
                current.version()))
            .orElseGet(() -> new NotFoundException("policy attachment of organisation unit", ouId));
    }
}
