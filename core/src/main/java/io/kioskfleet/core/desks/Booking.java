package io.kioskfleet.core.desks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One person's hold on one desk for one slot, stored in the month of its date.
 *
 * @param id            {@code bkg_yyyymmdd-…}: the date in the id finds the month it is stored in
 * @param deskId        the desk
 * @param siteId        the desk's site
 * @param floorId       the desk's floor
 * @param ouId          the site's unit, for scoping
 * @param user          who sits there
 * @param date          the local date
 * @param kind          the slot kind
 * @param fromHour      the first hour
 * @param toHour        the hour it ends
 * @param state         where it is
 * @param seriesId      the recurring request it came from, or null
 * @param createdAt     when it was made
 * @param createdBy     who made it (the user, or an admin for them)
 * @param checkedInAt   when the booker checked in, or null
 * @param checkedInWith how, or null
 * @param closedAt      when it was cancelled, released or rejected, or null
 * @param closedBy      who or what closed it, or null
 * @param version       optimistic-concurrency version
 */
public record Booking(@BsonId String id, String deskId, String siteId, String floorId, String ouId, String user,
                      LocalDate date, SlotKind kind, int fromHour, int toHour, BookingState state, String seriesId,
                      Instant createdAt, String createdBy, Instant checkedInAt, CheckInMethod checkedInWith,
                      Instant closedAt, String closedBy, long version) {

    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deskId, "deskId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
    }

    /** Its slot. */
    public Slot slot() {
        return new Slot(date, kind, fromHour, toHour);
    }

    Booking inState(BookingState newState) {
        return new Booking(id, deskId, siteId, floorId, ouId, user, date, kind, fromHour, toHour, newState, seriesId,
            createdAt, createdBy, checkedInAt, checkedInWith, closedAt, closedBy, version + 1);
    }

    Booking checkedIn(Instant at, CheckInMethod method) {
        return new Booking(id, deskId, siteId, floorId, ouId, user, date, kind, fromHour, toHour, BookingState.CHECKED_IN,
            seriesId, createdAt, createdBy, at, method, closedAt, closedBy, version + 1);
    }

    Booking closed(BookingState finalState, Instant at, String by) {
        return new Booking(id, deskId, siteId, floorId, ouId, user, date, kind, fromHour, toHour, finalState, seriesId,
            createdAt, createdBy, checkedInAt, checkedInWith, at, by, version + 1);
    }
}
