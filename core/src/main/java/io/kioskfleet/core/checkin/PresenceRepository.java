package io.kioskfleet.core.checkin;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores each device's last check-in in {@code device_presence}, one document per device, by its id. */
public final class PresenceRepository implements DeclaresIndexes {

    static final String COLLECTION = "device_presence";

    private final MongoCollection<DevicePresence> presence;

    public PresenceRepository(FleetStore store) {
        this.presence = store.collection(COLLECTION, DevicePresence.class);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of();
    }

    /** The device's last check-in as stored (a newer one may still wait in the writer). */
    public Optional<DevicePresence> find(String deviceId) {
        return Optional.ofNullable(presence.find(eq("_id", deviceId)).first());
    }

    /** When each device last checked in, for every device that ever did (one pass over the store). */
    public Map<String, Instant> lastSeenByDevice() {
        Map<String, Instant> lastSeen = new HashMap<>();
        for (DevicePresence one : presence.find()) {
            lastSeen.put(one.deviceId(), one.lastSeenAt());
        }
        return lastSeen;
    }

    /** Writes every given presence in one bulk write, each replacing (or creating) its device's document. */
    void writeAll(Collection<DevicePresence> latest) {
        if (latest.isEmpty()) {
            return;
        }
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        presence.bulkWrite(latest.stream()
            .map(one -> new ReplaceOneModel<>(eq("_id", one.deviceId()), one, upsert))
            .toList());
    }
}
