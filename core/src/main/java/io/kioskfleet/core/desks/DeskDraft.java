package io.kioskfleet.core.desks;

import io.kioskfleet.core.input.InputCheck;
import java.util.Set;

/**
 * What an admin gives to create or change a desk.
 *
 * @param siteId     its site; cannot change once created
 * @param floorId    its floor, one of the site's
 * @param zoneId     its zone on that floor, or null
 * @param name       the label on the desk, unique within the site
 * @param attributes what it offers; null: nothing special
 * @param bookable   null or true: bookable; false: out of use
 */
public record DeskDraft(String siteId, String floorId, String zoneId, String name, Set<DeskAttribute> attributes,
                        Boolean bookable) {

    static final int MAX_NAME = 60;

    void check(InputCheck check) {
        check.require(siteId != null && !siteId.isBlank(), "siteId", "must name a site");
        check.require(floorId != null && !floorId.isBlank(), "floorId", "must name a floor of the site");
        check.require(name != null && !name.isBlank() && name.length() <= MAX_NAME, "name",
            "must be 1 to " + MAX_NAME + " characters");
    }

    void checkPlace(InputCheck check, Site site) {
        site.floor(floorId).ifPresentOrElse(
            floor -> check.require(zoneId == null || floor.zone(zoneId).isPresent(), "zoneId", "is not a zone of floor " + floor.name()),
            () -> check.reject("floorId", "is not a floor of site " + site.name()));
    }
}
