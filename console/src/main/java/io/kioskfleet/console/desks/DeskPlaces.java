package io.kioskfleet.console.desks;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.desks.Booking;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.Floor;
import io.kioskfleet.core.desks.Site;
import io.kioskfleet.core.store.NotFoundException;
import org.springframework.stereotype.Component;

/** Puts a booking's desk, floor and site into words people recognise ("3F-A-12 · 3F · 北部支所庁舎"). */
@Component
public class DeskPlaces {

    private final DeskCatalogue catalogue;

    public DeskPlaces(DeskCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Where {@code booking}'s desk is; its ids when the desk or site no longer exist. */
    public String placeOf(Actor actor, Booking booking) {
        try {
            Site site = catalogue.site(actor, booking.siteId());
            String floor = site.floor(booking.floorId()).map(Floor::name).orElse(booking.floorId());
            return catalogue.desk(actor, booking.deskId()).name() + " · " + floor + " · " + site.name();
        } catch (NotFoundException gone) {
            return booking.deskId();
        }
    }
}
