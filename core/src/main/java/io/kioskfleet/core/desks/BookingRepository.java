package io.kioskfleet.core.desks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.MonthlyCollections;
import io.kioskfleet.core.store.VersionedDocuments;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;

/**
 * Stores bookings in {@code bookings_YYYY_MM} by the month of their date. A booking's id carries
 * its date ({@code bkg_20261124-…}), so it is found with one {@code _id} read; lists by person or
 * day scan only the months asked for.
 */
public final class BookingRepository {

    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final MonthlyCollections<Booking> bookings;

    public BookingRepository(FleetStore store) {
        this.bookings = new MonthlyCollections<>(store, "bookings", Booking.class,
            List.of(new IndexModel(Indexes.ascending("user", "date")), new IndexModel(Indexes.ascending("date", "state"))));
    }

    /** A new booking id for a booking on {@code date}. */
    static String newId(LocalDate date) {
        String fresh = IdKind.BOOKING.newId();
        return IdKind.BOOKING.prefix() + "_" + date.format(ID_DATE) + "-" + fresh.substring(IdKind.BOOKING.prefix().length() + 1);
    }

    /** The date a booking id names, if it is well formed. */
    static Optional<LocalDate> dateOf(String id) {
        if (!IdKind.BOOKING.matches(id) || id.length() < 14 || id.charAt(12) != '-') {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(id.substring(4, 12), ID_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    Optional<Booking> find(String id) {
        return dateOf(id).flatMap(date -> versioned(date).find(id));
    }

    void insert(Booking booking) {
        bookings.forWriting(monthOf(booking.date())).insertOne(booking);
    }

    void replace(Booking changed, long expectedVersion) {
        versioned(changed.date()).replace(changed.id(), changed, expectedVersion);
    }

    void delete(Booking booking) {
        bookings.of(monthOf(booking.date())).deleteOne(eq("_id", booking.id()));
    }

    /** {@code user}'s bookings dated {@code from} to {@code to} (inclusive) in {@code states}, by date. */
    List<Booking> ofUser(String user, LocalDate from, LocalDate to, Collection<BookingState> states) {
        return between(from, to, and(eq("user", user), in("state", states)));
    }

    /** The bookings dated {@code from} to {@code to} (inclusive) in {@code states}, by date. */
    List<Booking> dated(LocalDate from, LocalDate to, Collection<BookingState> states) {
        return between(from, to, in("state", states));
    }

    private List<Booking> between(LocalDate from, LocalDate to, Bson filter) {
        List<Booking> found = new ArrayList<>();
        Bson dated = and(filter, gte("date", from), lte("date", to));
        for (MongoCollection<Booking> month : bookings.between(monthOf(from), monthOf(to))) {
            month.find(dated).into(found);
        }
        found.sort(java.util.Comparator.comparing(Booking::date).thenComparing(Booking::fromHour));
        return found;
    }

    private VersionedDocuments<Booking> versioned(LocalDate date) {
        return new VersionedDocuments<>(bookings.of(monthOf(date)), "booking", Booking::version);
    }

    private static Instant monthOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
