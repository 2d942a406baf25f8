package io.kioskfleet.core.policies;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Stores published versions in {@code policy_versions}: insert and read only, never update. The
 * unique index on (policyId, number) decides which of two concurrent publishes gets a number.
 */
public final class PolicyVersionRepository implements DeclaresIndexes {

    static final String COLLECTION = "policy_versions";

    private final MongoCollection<PolicyVersion> versions;

    public PolicyVersionRepository(FleetStore store) {
        this.versions = store.collection(COLLECTION, PolicyVersion.class);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("policyId", "number"),
            new IndexOptions().unique(true).name("unique_policy_version_number")));
    }

    /** Inserts {@code version}; false when its number is taken already. */
    boolean insertIfNumberFree(PolicyVersion version) {
        try {
            versions.insertOne(version);
            return true;
        } catch (MongoException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    Optional<PolicyVersion> find(String policyId, int number) {
        return Optional.ofNullable(versions.find(and(eq("policyId", policyId), eq("number", number))).first());
    }

    /** Every version of a policy, newest first. */
    List<PolicyVersion> allOf(String policyId) {
        List<PolicyVersion> found = versions.find(eq("policyId", policyId)).into(new ArrayList<>());
        found.sort(Comparator.comparingInt(PolicyVersion::number).reversed());
        return found;
    }
}
