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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;

/** Stores each device's last check-in in {@code device_presence}, one document per device, by its id. */
public final class PresenceRepository implements DeclaresIndexes {

    static final String COLLECTION = "device_presence";
    /** How many devices' presence one bulk write carries at most. */
    static final int WRITE_CHUNK = 200;
    /** Documents a batch of a pass over every device's presence. */
    private static final int SCAN_BATCH = 1_000;

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

    /**
     * When each device last checked in, for every device that ever did (one pass over the store,
     * in batches of {@value #SCAN_BATCH}: without a batch size the embedded store gathered the whole
     * collection, some 200 MB at 100,000 devices, before its first answer; bench/RESULTS.md, session 6).
     */
    public Map<String, Instant> lastSeenByDevice() {
        Map<String, Instant> lastSeen = new HashMap<>();
        for (DevicePresence one : presence.find().batchSize(SCAN_BATCH)) {
            lastSeen.put(one.deviceId(), one.lastSeenAt());
        }
        return lastSeen;
    }

    /**
     * Writes the given updates in bulk writes of {@value #WRITE_CHUNK}: each sets its device's
     * latest check-in (creating the document if needed), adds to its count and appends to its
     * recent check-ins, keeping the last {@value DevicePresence#RECENT}. Chunked because a flush may
     * hold most of the fleet (unchanged presence comes due about once a minute for every device):
     * one bulk write of 100,000 updates held that many update documents on the heap at once, on
     * the driver's side and on the embedded store's. And small: a message of 1,000 updates (about
     * 1 MB) is a "humongous" allocation for G1 in a 512 MB heap (regions of 1 MB), and each one
     * started a concurrent collection cycle; at 200 (about 200 KB) the check-in benchmark went
     * from 2,466–2,827 to 3,630 check-ins/s (bench/RESULTS.md, session 5).
     */
    void writeAll(List<PresenceUpdate> updates) {
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (int from = 0; from < updates.size(); from += WRITE_CHUNK) {
            List<UpdateOneModel<DevicePresence>> chunk = new ArrayList<>(Math.min(WRITE_CHUNK, updates.size() - from));
            for (PresenceUpdate update : updates.subList(from, Math.min(updates.size(), from + WRITE_CHUNK))) {
                chunk.add(new UpdateOneModel<>(eq("_id", update.latest().deviceId()), changes(update), upsert));
            }
            presence.bulkWrite(chunk);
        }
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
