package io.kioskfleet.core.desks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.size;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.kioskfleet.core.desks.DeskClaim.HalfDay;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claims that make double bookings impossible, in the collection of their date
 * ({@code desk_claims_2026_11_24}) under a unique index on {@code slot}, and the person's place
 * in their week ({@link PersonWeeks}).
 *
 * <p>A MORNING, AFTERNOON or WHOLE_DAY booking claims its half-day <em>blocks</em> (a whole day:
 * two for the desk, two for the person); an HOURLY booking claims its hours and joins the
 * <em>partial</em> marker of each block it touches, which holds the block's slot (see
 * {@link DeskClaim}). A booking writes its claims in one ordered bulk write: the first slot
 * someone else holds stops it, and it gives back what it wrote. There are no transactions, so a
 * crash in between can leave claims of a booking that never became CONFIRMED: {@link DeskBookings}
 * treats those as orphans and clears them when they are in the way.
 *
 * <p>Which hours of which desks are taken on a date is also kept in memory (read once per date
 * from that date's collection, kept up to date by this instance's writes and read again after
 * {@link #LIFETIME}), so the floor plan costs no store round trip per desk.
 */
public final class DeskClaims {

    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM_dd");
    private static final String PERSON = "~";

    private final FleetStore store;
    private final Clock clock;
    private final PersonWeeks weeks;
    private final Map<LocalDate, Day> days = new ConcurrentHashMap<>();
    private final Map<LocalDate, MongoCollection<DeskClaim>> indexed = new ConcurrentHashMap<>();

    /** The taken hours of one date, per desk (bit per hour). */
    private record Day(Map<String, Integer> deskHours, Instant readAt) {
    }

    public DeskClaims(FleetStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.weeks = new PersonWeeks(store);
    }

    /** What stands in the way of a booking. */
    enum Obstacle {
        /** Someone else holds the desk then. */
        DESK_TAKEN,
        /** The person holds another desk then. */
        PERSON_BUSY,
        /** The person's week is full. */
        WEEK_FULL
    }

    /**
     * What stood in the way of a claim.
     *
     * @param obstacle   what kind of thing
     * @param holder     for a desk or person, the claim found in the way (null when it was gone by the time it was read)
     * @param weekOthers for a full week, the other bookings counted in it
     */
    record Refusal(Obstacle obstacle, DeskClaim holder, List<String> weekOthers) {
    }

    /**
     * Takes {@code booking}'s place in its person's week (at most {@code maxPerWeek}), then its
     * claims on the desk and the person.
     *
     * @return empty when all were taken; otherwise what was in the way (all taken ones given back)
     */
    Optional<Refusal> claim(Booking booking, int maxPerWeek) {
        List<String> weekOthers = weeks.take(booking, maxPerWeek);
        if (!weekOthers.isEmpty()) {
            return Optional.of(new Refusal(Obstacle.WEEK_FULL, null, weekOthers));
        }
        MongoCollection<DeskClaim> day = collection(booking.date());
        List<WriteModel<DeskClaim>> writes = claimsOf(booking, clock.instant());
        try {
            day.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        } catch (MongoBulkWriteException e) {
            int failed = e.getWriteErrors().isEmpty() ? writes.size() : e.getWriteErrors().get(0).getIndex();
            giveBack(day, booking, writes.subList(0, failed));
            weeks.giveBack(booking.user(), booking.date(), booking.id());
            if (!DuplicateKeys.isDuplicateKey(e) || failed >= writes.size()) {
                throw e;
            }
            String slot = slotOf(writes.get(failed));
            DeskClaim holder = day.find(eq("slot", slot)).first();
            return Optional.of(new Refusal(slot.startsWith(PERSON) ? Obstacle.PERSON_BUSY : Obstacle.DESK_TAKEN, holder, List.of()));
        } catch (MongoException e) {
            giveBack(day, booking, writes);
            weeks.giveBack(booking.user(), booking.date(), booking.id());
            throw e;
        }
        remember(booking, true);
        return Optional.empty();
    }

    /** Gives back {@code booking}'s claims and its place in the week (only what it holds; someone else's claim stays). */
    void release(Booking booking) {
        giveBack(collection(booking.date()), booking, claimsOf(booking, clock.instant()));
        weeks.giveBack(booking.user(), booking.date(), booking.id());
        remember(booking, false);
    }

    /** Removes {@code orphan}, a block or hour claim (its {@code _id} names its booking, so another booking's claim stays). */
    void removeOrphan(LocalDate date, DeskClaim orphan) {
        collection(date).deleteOne(eq("_id", orphan.id()));
        days.remove(date);
    }

    /** Takes {@code bookingId}, which no longer exists, out of the partial marker {@code marker}. */
    void removeFromPartial(LocalDate date, DeskClaim marker, String bookingId) {
        collection(date).updateOne(eq("_id", marker.id()), Updates.pull("holders", bookingId));
    }

    /**
     * Removes the partial marker {@code marker} if no hourly booking holds it any more, so a
     * block may be claimed. The filter names the empty holder list, so a booking that joined
     * the marker meanwhile keeps it (a rare path: on the embedded store this filter scans the date).
     */
    void removeEmptyPartial(LocalDate date, DeskClaim marker) {
        collection(date).deleteOne(and(eq("_id", marker.id()), size("holders", 0)));
    }

    /** Takes {@code bookingId}, which no longer exists, out of {@code user}'s week of {@code date}. */
    void removeFromWeek(String user, LocalDate date, String bookingId) {
        weeks.giveBack(user, date, bookingId);
    }

    /** The claim that holds {@code deskId}'s {@code hour} on {@code date}, if any: one unique-index read. */
    Optional<DeskClaim> holderOf(String deskId, LocalDate date, int hour) {
        List<String> slots = List.of(DeskClaim.hourSlot(deskId, hour), DeskClaim.blockSlot(deskId, HalfDay.of(hour)));
        for (DeskClaim claim : collection(date).find(in("slot", slots))) {
            if (!claim.partial() && (claim.hours() & (1 << hour)) != 0) {
                return Optional.of(claim);
            }
        }
        return Optional.empty();
    }

    /** The hours of {@code deskId} taken on {@code date}, one bit per hour (from memory). */
    int takenHours(String deskId, LocalDate date) {
        return day(date).deskHours().getOrDefault(deskId, 0);
    }

    /**
     * The writes that claim {@code booking}'s time, in the order they must be made: a named slot
     * inserts its block claims; an hourly slot first joins the partial marker of each block it
     * touches (which fails when a block claim holds that slot), then inserts its hour claims.
     */
    private static List<WriteModel<DeskClaim>> claimsOf(Booking booking, Instant now) {
        List<WriteModel<DeskClaim>> writes = new ArrayList<>();
        int mask = booking.slot().hourMask();
        List<String> holders = List.of(booking.deskId(), PERSON + booking.user());
        if (booking.kind() != SlotKind.HOURLY) {
            for (String holder : holders) {
                for (HalfDay half : HalfDay.touchedBy(mask)) {
                    writes.add(new InsertOneModel<>(DeskClaim.of(DeskClaim.blockSlot(holder, half), deskOf(holder),
                        half.mask(), booking, now)));
                }
            }
            return writes;
        }
        for (String holder : holders) {
            for (HalfDay half : HalfDay.touchedBy(mask)) {
                String slot = DeskClaim.blockSlot(holder, half);
                writes.add(new UpdateOneModel<>(eq("_id", slot + DeskClaim.PARTIAL), Updates.combine(
                    Updates.setOnInsert("slot", slot), Updates.setOnInsert("deskId", deskOf(holder)),
                    Updates.setOnInsert("hours", 0), Updates.setOnInsert("user", holder.startsWith(PERSON) ? booking.user() : null),
                    Updates.setOnInsert("claimedAt", now), Updates.addToSet("holders", booking.id())),
                    new UpdateOptions().upsert(true)));
            }
        }
        for (String holder : holders) {
            for (int hour = booking.fromHour(); hour < booking.toHour(); hour++) {
                writes.add(new InsertOneModel<>(DeskClaim.of(DeskClaim.hourSlot(holder, hour), deskOf(holder), 1 << hour,
                    booking, now)));
            }
        }
        return writes;
    }

    private static String deskOf(String holder) {
        return holder.startsWith(PERSON) ? null : holder;
    }

    private static String slotOf(WriteModel<DeskClaim> write) {
        if (write instanceof InsertOneModel<DeskClaim> insert) {
            return insert.getDocument().slot();
        }
        String id = ((UpdateOneModel<DeskClaim>) write).getFilter().toBsonDocument().getString("_id").getValue();
        return id.substring(0, id.length() - DeskClaim.PARTIAL.length());
    }

    /** Undoes {@code done} for {@code booking}: deletes its claims by {@code _id}, leaves the partial markers it joined. */
    private static void giveBack(MongoCollection<DeskClaim> day, Booking booking, List<WriteModel<DeskClaim>> done) {
        List<WriteModel<DeskClaim>> undo = new ArrayList<>(done.size());
        for (WriteModel<DeskClaim> write : done) {
            if (write instanceof InsertOneModel<DeskClaim> insert) {
                undo.add(new DeleteOneModel<>(eq("_id", insert.getDocument().id())));
            } else {
                undo.add(new UpdateOneModel<>(((UpdateOneModel<DeskClaim>) write).getFilter(),
                    Updates.pull("holders", booking.id())));
            }
        }
        if (!undo.isEmpty()) {
            day.bulkWrite(undo, new BulkWriteOptions().ordered(false));
        }
    }

    private Day day(LocalDate date) {
        Instant now = clock.instant();
        Day day = days.get(date);
        if (day == null || day.readAt().plus(LIFETIME).isBefore(now)) {
            day = read(date, now);
            days.put(date, day);
        }
        return day;
    }

    private Day read(LocalDate date, Instant now) {
        Map<String, Integer> deskHours = new ConcurrentHashMap<>();
        for (DeskClaim claim : collection(date).find()) {
            if (claim.deskId() != null && !claim.partial()) {
                deskHours.merge(claim.deskId(), claim.hours(), (a, b) -> a | b);
            }
        }
        return new Day(deskHours, now);
    }

    private void remember(Booking booking, boolean taken) {
        Day day = days.get(booking.date());
        if (day == null) {
            return;
        }
        int mask = booking.slot().hourMask();
        day.deskHours().compute(booking.deskId(), (desk, hours) -> {
            int now = taken ? (hours == null ? 0 : hours) | mask : (hours == null ? 0 : hours) & ~mask;
            return now == 0 ? null : now;
        });
    }

    /**
     * The date's claims; the first use of a date in this process makes sure its unique index
     * exists, and every other thread asking for that date waits until it does (a claim written
     * before the index exists would not be checked against the others).
     */
    private MongoCollection<DeskClaim> collection(LocalDate date) {
        return indexed.computeIfAbsent(date, first -> {
            MongoCollection<DeskClaim> claims = store.collection("desk_claims_" + first.format(SUFFIX), DeskClaim.class);
            claims.createIndex(Indexes.ascending("slot"), new IndexOptions().unique(true).name("unique_slot"));
            return claims;
        });
    }
}
