package io.kioskfleet.core.checkin;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;

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

    /**
     * Writes every given update in one bulk write: each sets its device's latest check-in (creating
     * the document if needed), adds to its count and appends to its recent check-ins, keeping the
     * last {@value DevicePresence#RECENT}.
     */
    void writeAll(Collection<PresenceUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        presence.bulkWrite(updates.stream()
            .map(update -> new UpdateOneModel<DevicePresence>(eq("_id", update.latest().deviceId()), changes(update), upsert))
            .toList());
    }

    private static Bson changes(PresenceUpdate update) {
        DevicePresence latest = update.latest();
        return Updates.combine(
            Updates.set("lastSeenAt", latest.lastSeenAt()),
            Updates.set("sourceAddress", latest.sourceAddress()),
            Updates.set("activity", latest.activity()),
            Updates.set("inventory", latest.inventory()),
            Updates.set("policyEtag", latest.policyEtag()),
            Updates.inc("checkIns", update.count()),
            Updates.pushEach("recentCheckIns", update.times(), new PushOptions().slice(-DevicePresence.RECENT)));
    }
}
