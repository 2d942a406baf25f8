package io.kioskfleet.core.desks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.VersionedDocuments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores desks in {@code desks} (a site cannot have two desks of one name) and keeps every desk
 * in memory as well: the floor plan a booker looks at must not scan the collection, which the
 * embedded store would do. The copy is renewed on every write here and after
 * {@link #LIFETIME}, so another instance's changes show within that.
 */
public final class DeskRepository implements DeclaresIndexes {

    static final String COLLECTION = "desks";
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final MongoCollection<Desk> desks;
    private final VersionedDocuments<Desk> versioned;
    private final Clock clock;
    private volatile Directory directory;

    /** The desks in memory and when they were read. */
    private record Directory(Map<String, Desk> byId, Instant readAt) {
    }

    public DeskRepository(FleetStore store, Clock clock) {
        this.desks = store.collection(COLLECTION, Desk.class);
        this.versioned = store.versioned(desks, "desk", Desk::version);
        this.clock = clock;
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("siteId", "name"), new IndexOptions().unique(true).name("unique_desk_name")),
            new IndexModel(Indexes.ascending("floorId")));
    }

    Optional<Desk> find(String id) {
        return Optional.ofNullable(directory().byId().get(id));
    }

    /** The desks of a floor, by name. */
    List<Desk> onFloor(String floorId) {
        return directory().byId().values().stream().filter(desk -> desk.floorId().equals(floorId))
            .sorted(Comparator.comparing(Desk::name)).toList();
    }

    /** The desks of a site, by name. */
    List<Desk> atSite(String siteId) {
        return directory().byId().values().stream().filter(desk -> desk.siteId().equals(siteId))
            .sorted(Comparator.comparing(Desk::name)).toList();
    }

    void insert(Desk desk) {
        desks.insertOne(desk);
        forget();
    }

    void replace(Desk changed, long expectedVersion) {
        versioned.replace(changed.id(), changed, expectedVersion);
        forget();
    }

    void delete(Desk desk) {
        versioned.delete(desk.id(), desk.version());
        forget();
    }

    private Directory directory() {
        Directory current = directory;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(LIFETIME).isBefore(now)) {
            current = new Directory(desks.find().into(new ArrayList<>()).stream()
                .collect(Collectors.toUnmodifiableMap(Desk::id, Function.identity())), now);
            directory = current;
        }
        return current;
    }

    private void forget() {
        directory = null;
    }
}
