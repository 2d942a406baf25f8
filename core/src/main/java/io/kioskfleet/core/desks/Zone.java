package io.kioskfleet.core.desks;

import java.util.Objects;

/**
 * A named area of a floor (a team's island, the quiet corner).
 *
 * @param id   {@code zone_…}
 * @param name what people call it
 */
public record Zone(String id, String name) {

    public Zone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
