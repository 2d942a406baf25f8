package io.kioskfleet.core.desks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.MonthlyCollections;
import io.kioskfleet.core.store.StoreCodecs;
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
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.conversions.Bson;

/**
 * Stores bookings in {@code bookings_YYYY_MM} by the month of their date. A booking's id carries
 * its date ({@code bkg_20261124-…}), so it is found with one {@code _id} read; lists by person or
 * day scan only the months asked for.
 *
 * <p>Each stored booking also carries {@code revision} ({@code id#version}) under a unique index:
 * a change names the revision it read, which the embedded store finds without a scan (a filter
 * on {@code _id} and {@code version} together would read the whole month).
 */
public final class BookingRepository {

    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static final String REVISION = "revision";

    private final FleetStore store;
    private final MonthlyCollections<Booking> bookings;
    private final MonthlyCollections<BsonDocument> stored;

    public BookingRepository(FleetStore store) {
        this.store = store;
        List<IndexModel> indexes = List.of(
            new IndexModel(Indexes.ascending(REVISION), new IndexOptions().unique(true).name("unique_revision")),
            new IndexModel(Indexes.ascending("user", "date")), new IndexModel(Indexes.ascending("date", "state")));
        this.bookings = new MonthlyCollections<>(store, "bookings", Booking.class, indexes);
        this.stored = new MonthlyCollections<>(store, "bookings", BsonDocument.class, indexes);
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
        return dateOf(id).flatMap(date -> Optional.ofNullable(bookings.of(monthOf(date)).find(eq("_id", id)).first()));
    }

    void insert(Booking booking) {
        stored.forWriting(monthOf(booking.date())).insertOne(withRevision(booking));
    }

    /** Replaces the booking if it is still at {@code expectedVersion}, found by its revision. */
    void replace(Booking changed, long expectedVersion) {
        MongoCollection<BsonDocument> month = stored.forWriting(monthOf(changed.date()));
        if (month.replaceOne(eq(REVISION, revisionOf(changed.id(), expectedVersion)), withRevision(changed)).getMatchedCount() == 0) {
            throw store.versioned(bookings.of(monthOf(changed.date())), "booking", Booking::version)
                .staleOrMissing(changed.id(), expectedVersion);
        }
    }

    private static BsonDocument withRevision(Booking booking) {
        BsonDocument document = StoreCodecs.toBson(booking);
        document.put(REVISION, new BsonString(revisionOf(booking.id(), booking.version())));
        return document;
    }

    private static String revisionOf(String id, long version) {
        return id + "#" + version;
    }

    void delete(Booking booking) {
        bookings.of(monthOf(booking.date())).deleteOne(eq("_id", booking.id()));
    }

    /** {@code user}'s bookings dated {@code from} to {@code to} (inclusive) in {@code states}, by date. */
    List<Booking> ofUser(String user, LocalDate from, LocalDate to, Collection<BookingState> states) {
        return between(from, to, and(eq("user", user), in("state", states)));
    }

    /** The bookings of {@code deskId} dated {@code from} to {@code to} (inclusive) in {@code states}, by date. */
    List<Booking> ofDesk(String deskId, LocalDate from, LocalDate to, Collection<BookingState> states) {
        return between(from, to, and(eq("deskId", deskId), in("state", states)));
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

    private static Instant monthOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
