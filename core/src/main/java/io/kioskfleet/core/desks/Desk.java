package io.kioskfleet.core.desks;

import java.util.Objects;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One bookable desk.
 *
 * @param id         {@code desk_…}; also what the QR code on the desk and a session's desk name
 * @param siteId     its site
 * @param ouId       its site's unit, copied so scoping needs no second read
 * @param floorId    its floor
 * @param zoneId     its zone, or null
 * @param name       the label on the desk ("3F-A-12")
 * @param attributes what it offers
 * @param bookable   false while it is out of use (nothing new can be booked)
 * @param version    optimistic-concurrency version
 */
public record Desk(@BsonId String id, String siteId, String ouId, String floorId, String zoneId, String name,
                   Set<DeskAttribute> attributes, boolean bookable, long version) {

    public Desk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(ouId, "ouId");
        Objects.requireNonNull(floorId, "floorId");
        Objects.requireNonNull(name, "name");
        attributes = attributes == null ? Set.of() : Set.copyOf(attributes);
    }
}
