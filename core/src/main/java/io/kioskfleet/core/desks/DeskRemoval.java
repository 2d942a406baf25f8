package io.kioskfleet.core.desks;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.store.ConflictException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/**
 * Removes desks. A desk that someone holds a booking of from today on is not removed: the
 * admin is told how many and from when, and may take the desk out of use (no new bookings)
 * and remove it once they are over, or cancel them. We chose refusing over cancelling them
 * with a notice because a removal that silently moves people's plans is worse than one more
 * step for the admin.
 */
public final class DeskRemoval {

    private final DeskCatalogue catalogue;
    private final BookingRepository bookings;
    private final Clock clock;
    private final ZoneId zone;

    public DeskRemoval(DeskCatalogue catalogue, BookingRepository bookings, Clock clock, ZoneId zone) {
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Removes the desk, audited.
     *
     * @throws ConflictException {@code desk-has-bookings} while bookings from today on hold it
     */
    public void remove(Actor actor, String deskId) {
        Desk desk = catalogue.managedDesk(actor, deskId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        // Reads the booking months ahead (a scan on the embedded store): a rare admin action, not a hot path.
        List<Booking> ahead = bookings.ofDesk(desk.id(), today, today.plusDays(DeskBookings.UPCOMING_DAYS),
            EnumSet.of(BookingState.PENDING, BookingState.CONFIRMED, BookingState.CHECKED_IN));
        if (!ahead.isEmpty()) {
            throw new ConflictException("desk-has-bookings", "desk " + desk.name() + " has " + ahead.size()
                + " bookings from " + ahead.get(0).date() + " on; take it out of use and remove it when they are over,"
                + " or cancel them first");
        }
        catalogue.deleteDesk(actor, desk);
    }
}
