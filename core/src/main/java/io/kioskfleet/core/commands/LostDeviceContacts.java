package io.kioskfleet.core.commands;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Every contact of a locked (lost) device, in {@code lost_device_contacts}, for the console.
 * Each is written at once (not coalesced like presence): lost devices are few and each contact
 * is evidence. Listing one device's contacts scans the collection on the embedded store, which
 * only lost devices fill.
 */
public final class LostDeviceContacts implements DeclaresIndexes {

    static final String COLLECTION = "lost_device_contacts";

    private final MongoCollection<LostDeviceContact> contacts;
    private final DeviceRegistry devices;
    private final Clock clock;

    public LostDeviceContacts(FleetStore store, DeviceRegistry devices, Clock clock) {
        this.contacts = store.collection(COLLECTION, LostDeviceContact.class);
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("deviceId", "at")));
    }

    /** Records that a locked device reached the server now. */
    public void note(String deviceId, String sourceAddress, String reportedAddress) {
        contacts.insertOne(new LostDeviceContact(IdKind.LOST_DEVICE_CONTACT.newId(), deviceId, clock.instant(),
            sourceAddress, reportedAddress));
    }

    /** One page of a device's contacts while lost, newest first, for someone who may see the device. */
    public Page<LostDeviceContact> ofDevice(Actor actor, String deviceId, PageRequest page) {
        devices.get(actor, deviceId);
        long total = contacts.countDocuments(eq("deviceId", deviceId));
        List<LostDeviceContact> items = contacts.find(eq("deviceId", deviceId)).sort(Sorts.descending("at"))
            .skip(page.offset()).limit(page.size()).into(new ArrayList<>());
        return new Page<>(items, page.page(), page.size(), total);
    }
}
