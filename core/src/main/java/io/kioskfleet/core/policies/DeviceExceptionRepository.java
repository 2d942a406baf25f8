package io.kioskfleet.core.policies;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.ReplaceOptions;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores device exceptions in {@code device_policy_exceptions}, keyed by device id. */
public final class DeviceExceptionRepository implements DeclaresIndexes {

    static final String COLLECTION = "device_policy_exceptions";

    private final MongoCollection<DeviceExceptionGrant> grants;

    public DeviceExceptionRepository(FleetStore store) {
        this.grants = store.collection(COLLECTION, DeviceExceptionGrant.class);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of();
    }

    Optional<DeviceExceptionGrant> find(String deviceId) {
        return Optional.ofNullable(grants.find(eq("_id", deviceId)).first());
    }

    /** Every device's exception, expired or not: at most one per device, and few devices have one. */
    List<DeviceExceptionGrant> all() {
        return grants.find().into(new ArrayList<>());
    }

    void put(DeviceExceptionGrant grant) {
        grants.replaceOne(eq("_id", grant.deviceId()), grant, new ReplaceOptions().upsert(true));
    }

    boolean delete(String deviceId) {
        return grants.deleteOne(eq("_id", deviceId)).getDeletedCount() > 0;
    }
}
