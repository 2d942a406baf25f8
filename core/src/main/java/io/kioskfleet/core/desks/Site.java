package io.kioskfleet.core.desks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A building with free-address desks, run by one organisation unit (a branch office): its
 * floors and zones live inside it, since there are few and they change together.
 *
 * @param id        {@code site_…}
 * @param ouId      the unit that runs it; its branch admins manage the site
 * @param name      what people call it
 * @param limits    what staff may book here
 * @param floors    its floors
 * @param createdAt when it was created
 * @param version   optimistic-concurrency version
 */
public record Site(@BsonId String id, String ouId, String name, BookingLimits limits, List<Floor> floors,
                   Instant createdAt, long version) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ouId, "ouId");
        Objects.requireNonNull(name, "name");
        limits = limits == null ? BookingLimits.DEFAULT : limits;
        floors = floors == null ? List.of() : List.copyOf(floors);
    }

    /** The floor with {@code floorId}, if the site has it. */
    public Optional<Floor> floor(String floorId) {
        return floors.stream().filter(floor -> floor.id().equals(floorId)).findFirst();
    }

    Site renamed(String newName, BookingLimits newLimits) {
        return new Site(id, ouId, newName, newLimits, floors, createdAt, version + 1);
    }

    Site withFloors(List<Floor> newFloors) {
        return new Site(id, ouId, name, limits, newFloors, createdAt, version + 1);
    }

    Site withFloor(Floor floor) {
        List<Floor> changed = new ArrayList<>(floors.stream().filter(existing -> !existing.id().equals(floor.id())).toList());
        changed.add(floor);
        return new Site(id, ouId, name, limits, changed, createdAt, version + 1);
    }
}
