package io.kioskfleet.core.desks;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.store.FleetStore;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * Counts a person's bookings per ISO week in one document per person and week (in
 * {@code desk_weeks_YYYY}, by week-based year), to keep the site's weekly limit strictly.
 *
 * <p>A booking adds itself to the set and reads the set back in the same atomic write; when that
 * makes more than the limit it takes itself out again and is refused. Of two simultaneous
 * requests for the last place, the second to write sees one too many, so the limit is never
 * exceeded (at worst a third request made in that instant is refused too). The embedded store
 * answers only {@code _id} filters without a scan, so the write cannot be conditional on the
 * count itself; adding, looking and taking back is the same guarantee with {@code _id} writes
 * only. The set names its bookings (not a bare number), so adding twice counts once and what a
 * crash left can be recognised and taken out ({@link DeskBookings}).
 */
final class PersonWeeks {

    private final FleetStore store;

    PersonWeeks(FleetStore store) {
        this.store = store;
    }

    /**
     * Adds {@code booking} to its person's week.
     *
     * @return empty when the week is within {@code maxPerWeek} with it; otherwise the other
     *     bookings of that week (and the booking is not counted)
     */
    List<String> take(Booking booking, int maxPerWeek) {
        PersonWeek week = collection(booking.date()).findOneAndUpdate(eq("_id", idOf(booking.user(), booking.date())),
            Updates.addToSet("bookings", booking.id()),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        List<String> held = week == null ? List.of(booking.id()) : week.bookings();
        if (held.size() <= maxPerWeek) {
            return List.of();
        }
        giveBack(booking.user(), booking.date(), booking.id());
        return held.stream().filter(id -> !id.equals(booking.id())).toList();
    }

    /** Takes {@code bookingId} out of {@code user}'s week of {@code date} (nothing when it is not there). */
    void giveBack(String user, LocalDate date, String bookingId) {
        collection(date).updateOne(eq("_id", idOf(user, date)), Updates.pull("bookings", bookingId));
    }

    private MongoCollection<PersonWeek> collection(LocalDate date) {
        return store.collection("desk_weeks_" + date.get(IsoFields.WEEK_BASED_YEAR), PersonWeek.class);
    }

    static String idOf(String user, LocalDate date) {
        int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return user + "@" + date.get(IsoFields.WEEK_BASED_YEAR) + "-W" + (week < 10 ? "0" + week : Integer.toString(week));
    }
}
