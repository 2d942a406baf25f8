package io.kioskfleet.core.desks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A floor of a site, with its zones.
 *
 * @param id    {@code flr_…}
 * @param name  what people call it ("3F")
 * @param zones its zones, in the order admins added them
 */
public record Floor(String id, String name, List<Zone> zones) {

    public Floor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        zones = zones == null ? List.of() : List.copyOf(zones);
    }

    /** The zone with {@code zoneId}, if the floor has it. */
    public Optional<Zone> zone(String zoneId) {
        return zones.stream().filter(zone -> zone.id().equals(zoneId)).findFirst();
    }
}
