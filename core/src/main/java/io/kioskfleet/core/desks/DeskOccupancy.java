package io.kioskfleet.core.desks;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.store.NotFoundException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Occupancy for facilities: per floor and weekday, the share of desk-hours booked over a period,
 * with check-ins and no-shows. Read from the period's booking months (a report, not a hot path).
 */
public final class DeskOccupancy {

    /** The longest period one report covers. */
    static final int MAX_DAYS = 366;

    private final DeskCatalogue catalogue;
    private final BookingRepository bookings;
    private final OrganisationUnits units;

    public DeskOccupancy(DeskCatalogue catalogue, BookingRepository bookings, OrganisationUnits units) {
        this.catalogue = catalogue;
        this.bookings = bookings;
        this.units = units;
    }

    /** Rows per floor and weekday (Monday to Friday, and weekend days that had bookings) of {@code siteId}. */
    public List<OccupancyRow> report(Actor actor, String siteId, LocalDate from, LocalDate to) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.AUDITOR, Role.HELPDESK);
        InputCheck check = new InputCheck();
        check.require(siteId != null && !siteId.isBlank(), "site", "is required");
        check.require(from != null, "from", "is required (yyyy-mm-dd)");
        check.require(to != null, "to", "is required (yyyy-mm-dd)");
        check.orThrow();
        check.require(!to.isBefore(from) && ChronoUnit.DAYS.between(from, to) < MAX_DAYS, "to",
            "must not be before from, and the period at most " + MAX_DAYS + " days");
        check.orThrow();
        Site site = catalogue.site(siteId);
        if (!units.scopeOf(actor).contains(site.ouId())) {
            throw new NotFoundException("site", siteId);
        }
        List<Booking> held = bookings.dated(from, to, EnumSet.of(BookingState.CONFIRMED, BookingState.CHECKED_IN,
            BookingState.RELEASED)).stream().filter(booking -> booking.siteId().equals(siteId)).toList();
        List<OccupancyRow> rows = new ArrayList<>();
        int dayHours = Slot.CLOSES - Slot.OPENS;
        for (Floor floor : site.floors()) {
            int desks = (int) catalogue.desksOnFloor(floor.id()).stream().filter(Desk::bookable).count();
            for (DayOfWeek weekday : DayOfWeek.values()) {
                int days = countWeekdays(from, to, weekday);
                List<Booking> ofDay = held.stream()
                    .filter(b -> b.floorId().equals(floor.id()) && b.date().getDayOfWeek() == weekday).toList();
                boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
                if (days == 0 || (weekend && ofDay.isEmpty())) {
                    continue;
                }
                long booked = ofDay.stream().filter(b -> b.state() != BookingState.RELEASED).mapToLong(b -> b.slot().hours()).sum();
                int checkedIn = (int) ofDay.stream().filter(b -> b.state() == BookingState.CHECKED_IN).count();
                int noShows = (int) ofDay.stream().filter(b -> b.state() == BookingState.RELEASED).count();
                rows.add(new OccupancyRow(floor.id(), floor.name(), weekday, desks, days, booked, (long) desks * days * dayHours,
                    checkedIn, noShows));
            }
        }
        return rows;
    }

    private static int countWeekdays(LocalDate from, LocalDate to, DayOfWeek weekday) {
        int count = 0;
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (date.getDayOfWeek() == weekday) {
                count++;
            }
        }
        return count;
    }
}
