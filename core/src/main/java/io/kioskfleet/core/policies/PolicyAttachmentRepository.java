package io.kioskfleet.core.policies;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.VersionedDocuments;
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
    private final VersionedDocuments<PolicyAttachment> versioned;

    public PolicyAttachmentRepository(FleetStore store) {
        this.attachments = store.collection(COLLECTION, PolicyAttachment.class);
        this.versioned = store.versioned(attachments, "policy attachment", PolicyAttachment::version);
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
        return versioned.find(ouId);
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
                throw versioned.staleOrMissing(attachment.ouId(), replacedVersion);
            }
        }
        versioned.replace(attachment.ouId(), attachment, replacedVersion);
    }

    void delete(String ouId, long expectedVersion) {
        versioned.delete(ouId, expectedVersion);
    }
}
