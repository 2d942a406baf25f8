package io.kioskfleet.core.devices;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.kioskfleet.core.ous.OuOccupants;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.core.store.VersionedDocuments;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Stores devices in {@code devices}. The serial number is unique by index, so two concurrent
 * registrations of one serial cannot both succeed.
 */
public final class DeviceRepository implements DeclaresIndexes, OuOccupants {

    static final String COLLECTION = "devices";

    private final MongoCollection<Device> devices;
    private final VersionedDocuments<Device> versioned;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    public DeviceRepository(FleetStore store) {
        this.devices = store.collection(COLLECTION, Device.class);
        this.versioned = store.versioned(devices, "device", Device::version);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
            new IndexModel(Indexes.ascending("serial"), new IndexOptions().unique(true).name("unique_serial")),
            new IndexModel(Indexes.ascending("ouId", "status")),
            new IndexModel(Indexes.ascending("tags")));
    }

    Optional<Device> find(String id) {
        return versioned.find(id);
    }

    /** The devices with these ids that exist, in one read ({@code $in} on {@code _id} is an index lookup on both stores). */
    List<Device> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : devices.find(in("_id", ids)).into(new ArrayList<>());
    }

    Optional<Device> findBySerial(String serial) {
        return Optional.ofNullable(devices.find(eq("serial", serial)).first());
    }

    @Override
    public boolean anyIn(String ouId) {
        return devices.find(eq("ouId", ouId)).limit(1).first() != null;
    }

    /** Inserts a new device; a serial that exists already is a conflict naming the existing device. */
    void insert(Device device) {
        try {
            devices.insertOne(device);
        } catch (MongoException e) {
            if (!DuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
            String existing = findBySerial(device.serial()).map(Device::id).orElse("another device");
            throw new ConflictException("duplicate-serial",
                "serial " + device.serial() + " is already registered (" + existing + ")");
        }
        changed(device.id());
    }

    /** Calls {@code listener} with a device's id after every write to it through this repository. */
    void whenChanged(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    private void changed(String id) {
        changeListeners.forEach(listener -> listener.accept(id));
    }

    /**
     * Calls {@code each} with every device, in one pass over the collection, in batches (so the
     * embedded store streams it instead of gathering every device first).
     */
    void forEach(Consumer<Device> each) {
        devices.find().batchSize(1_000).forEach(each);
    }

    /** Removes a device just created, when the unit it was created in vanished meanwhile. */
    void deleteCreated(String id) {
        devices.deleteOne(and(eq("_id", id), eq("version", 1L)));
        changed(id);
    }

    /** Every device within {@code ouIds} (null: any unit), reduced to what counting needs, in one pass. */
    List<DeviceSummary> summaries(Set<String> ouIds) {
        Bson filter = ouIds == null ? new Document() : in("ouId", ouIds);
        List<DeviceSummary> summaries = new ArrayList<>();
        for (Document device : devices.withDocumentClass(Document.class).find(filter)
            .projection(Projections.include("ouId", "status"))) {
            summaries.add(new DeviceSummary(device.getString("_id"), device.getString("ouId"),
                DeviceStatus.valueOf(device.getString("status"))));
        }
        return summaries;
    }

    /** How many devices {@code selection} reaches (one pass over the store). */
    long count(DeviceSelection selection) {
        return devices.countDocuments(filter(selection, null));
    }

    /**
     * The devices {@code selection} reaches with an id after {@code after} (null: from the first),
     * in id order, as a stream over one cursor: the caller reads it in chunks and must close it.
     */
    Stream<DeviceSummary> selected(DeviceSelection selection, String after) {
        MongoCursor<Document> cursor = devices.withDocumentClass(Document.class).find(filter(selection, after))
            .projection(Projections.include("ouId", "status")).sort(Sorts.ascending("_id")).batchSize(2000).cursor();
        Iterator<DeviceSummary> summaries = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public DeviceSummary next() {
                Document device = cursor.next();
                return new DeviceSummary(device.getString("_id"), device.getString("ouId"),
                    DeviceStatus.valueOf(device.getString("status")));
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(summaries, Spliterator.ORDERED), false)
            .onClose(cursor::close);
    }

    private static Bson filter(DeviceSelection selection, String after) {
        List<Bson> parts = new ArrayList<>();
        parts.add(nin("status", DeviceStatus.RETIRED, DeviceStatus.PREREGISTERED));
        if (after != null) {
            parts.add(gt("_id", after));
        }
        if (!selection.wholeFleet()) {
            List<Bson> reached = new ArrayList<>();
            if (!selection.ouIds().isEmpty()) {
                reached.add(in("ouId", selection.ouIds()));
            }
            if (!selection.tags().isEmpty()) {
                reached.add(in("tags", selection.tags()));
            }
            if (!selection.deviceIds().isEmpty()) {
                reached.add(in("_id", selection.deviceIds()));
            }
            parts.add(or(reached));
        }
        return and(parts);
    }

    void replace(Device changed, long expectedVersion) {
        try {
            versioned.replace(changed.id(), changed, expectedVersion);
        } finally {
            changed(changed.id());
        }
    }

    /** One page of the devices matching {@code query} within {@code ouIds} (null: any unit), by serial. */
    Page<Device> search(DeviceQuery query, Set<String> ouIds, PageRequest page) {
        Bson filter = filter(query, ouIds);
        long total = devices.countDocuments(filter);
        List<Device> items = devices.find(filter).sort(Sorts.ascending("serial"))
            .skip(page.offset()).limit(page.size()).into(new ArrayList<>());
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static Bson filter(DeviceQuery query, Set<String> ouIds) {
        List<Bson> parts = new ArrayList<>();
        if (ouIds != null) {
            parts.add(in("ouId", ouIds));
        }
        if (query.status() != null) {
            parts.add(eq("status", query.status()));
        }
        if (query.onlyIds() != null) {
            parts.add(in("_id", query.onlyIds()));
        }
        if (query.exceptIds() != null && !query.exceptIds().isEmpty()) {
            parts.add(nin("_id", query.exceptIds()));
        }
        if (query.tag() != null) {
            parts.add(eq("tags", query.tag()));
        }
        if (query.text() != null) {
            Pattern contains = Pattern.compile(Pattern.quote(query.text()), Pattern.CASE_INSENSITIVE);
            parts.add(or(regex("serial", contains), regex("model", contains), regex("assetTag", contains),
                regex("notes", contains), regex("tags", contains)));
        }
        return parts.isEmpty() ? new Document() : and(parts);
    }
}
