package io.kioskfleet.core.policies;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.VersionedDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores policies and their drafts in {@code policies}. Names are unique by index. A draft edit
 * sets only the draft's fields, so a publish that raises {@code latestVersion} at the same time
 * is never overwritten.
 */
public final class PolicyRepository implements DeclaresIndexes {

    static final String COLLECTION = "policies";

    private final MongoCollection<Policy> policies;
    private final VersionedDocuments<Policy> versioned;

    public PolicyRepository(FleetStore store) {
        this.policies = store.collection(COLLECTION, Policy.class);
        this.versioned = store.versioned(policies, "policy", Policy::version);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("nameKey"), new IndexOptions().unique(true).name("unique_policy_name")));
    }

    Optional<Policy> find(String id) {
        return versioned.find(id);
    }

    Policy get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("policy", id));
    }

    List<Policy> all() {
        return policies.find().into(new ArrayList<>());
    }

    void insert(Policy policy) {
        try {
            policies.insertOne(policy);
        } catch (MongoException e) {
            throw duplicateOr(e, policy);
        }
    }

    /** Saves the draft fields of {@code changed} if the stored policy is still at {@code expectedVersion}. */
    void saveDraft(Policy changed, long expectedVersion) {
        try {
            versioned.update(changed.id(), expectedVersion, Updates.combine(
                Updates.set("name", changed.name()), Updates.set("nameKey", changed.nameKey()),
                Updates.set("draft", changed.draft()), Updates.set("draftValid", changed.draftValid()),
                Updates.set("draftProblems", changed.draftProblems()), Updates.set("updatedAt", changed.updatedAt()),
                Updates.set("version", changed.version())));
        } catch (MongoException e) {
            throw duplicateOr(e, changed);
        }
    }

    /** Records that version {@code number} is published, unless a newer one is recorded already. */
    void raiseLatest(String id, int number) {
        policies.updateOne(eq("_id", id), Updates.max("latestVersion", number));
    }

    private static RuntimeException duplicateOr(MongoException e, Policy policy) {
        if (!DuplicateKeys.isDuplicateKey(e)) {
            return e;
        }
        return new ConflictException("duplicate-policy-name", "there is already a policy named '" + policy.name() + "'");
    }
}
