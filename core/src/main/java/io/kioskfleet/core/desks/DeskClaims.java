package io.kioskfleet.core.desks;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claims that make double bookings impossible: one document per desk and hour, and one per
 * person and hour (so nobody holds two desks at once), in the collection of its date
 * ({@code desk_claims_2026_11_24}), with a unique index on the slot deciding who got the hour.
 *
 * <p>A booking takes its hours one by one; on the first hour someone else holds, it gives back
 * the ones it took. There are no transactions, so a crash in between can leave claims of a
 * booking that never became CONFIRMED: {@link DeskBookings} treats those as orphans and removes
 * them when they are in the way.
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
    private final Map<LocalDate, Day> days = new ConcurrentHashMap<>();
    private final Map<LocalDate, Boolean> indexed = new ConcurrentHashMap<>();

    /** The taken hours of one date: per desk (bit per hour) and the bookings of each person. */
    private record Day(Map<String, Integer> deskHours, Map<String, Set<String>> bookingsOfPerson, Instant readAt) {
    }

    public DeskClaims(FleetStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What stood in the way of a claim: the claim found there, and whether it was the person's own hour. */
    record Refusal(DeskClaim holder, boolean personBusy) {
    }

    /**
     * Takes every hour of {@code booking}'s desk and of its person.
     *
     * @return empty when all were taken; otherwise the claim in the way (all taken ones given back)
     */
    Optional<Refusal> claim(Booking booking) {
        MongoCollection<DeskClaim> day = collection(booking.date());
        Instant now = clock.instant();
        List<DeskClaim> taken = new ArrayList<>();
        for (int hour = booking.fromHour(); hour < booking.toHour(); hour++) {
            for (DeskClaim claim : List.of(
                DeskClaim.of(DeskClaim.slotOf(booking.deskId(), hour), booking.deskId(), hour, booking, now),
                DeskClaim.of(DeskClaim.slotOf(PERSON + booking.user(), hour), null, hour, booking, now))) {
                try {
                    day.insertOne(claim);
                    taken.add(claim);
                } catch (MongoException e) {
                    if (!DuplicateKeys.isDuplicateKey(e)) {
                        giveBack(day, taken);
                        throw e;
                    }
                    giveBack(day, taken);
                    DeskClaim holder = day.find(eq("slot", claim.slot())).first();
                    return Optional.of(new Refusal(holder, claim.deskId() == null));
                }
            }
        }
        remember(booking, true);
        return Optional.empty();
    }

    /** Gives back {@code booking}'s hours (only those it holds; someone else's claim stays). */
    void release(Booking booking) {
        MongoCollection<DeskClaim> day = collection(booking.date());
        for (int hour = booking.fromHour(); hour < booking.toHour(); hour++) {
            day.deleteOne(eq("_id", DeskClaim.slotOf(booking.deskId(), hour) + "/" + booking.id()));
            day.deleteOne(eq("_id", DeskClaim.slotOf(PERSON + booking.user(), hour) + "/" + booking.id()));
        }
        remember(booking, false);
    }

    /** Removes {@code orphan} (its {@code _id} names its booking, so another booking's claim stays). */
    void removeOrphan(LocalDate date, DeskClaim orphan) {
        collection(date).deleteOne(eq("_id", orphan.id()));
        days.remove(date);
    }

    /** Who holds {@code deskId}'s {@code hour} on {@code date}, if anyone: one {@code _id} read. */
    Optional<DeskClaim> holderOf(String deskId, LocalDate date, int hour) {
        return Optional.ofNullable(collection(date).find(eq("slot", DeskClaim.slotOf(deskId, hour))).first());
    }

    /** The hours of {@code deskId} taken on {@code date}, one bit per hour (from memory). */
    int takenHours(String deskId, LocalDate date) {
        return day(date).deskHours().getOrDefault(deskId, 0);
    }

    /** How many bookings {@code user} holds on {@code date} (from memory). */
    int bookingsOf(String user, LocalDate date) {
        return day(date).bookingsOfPerson().getOrDefault(user, Set.of()).size();
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
        Map<String, Set<String>> bookings = new ConcurrentHashMap<>();
        for (DeskClaim claim : collection(date).find()) {
            if (claim.deskId() != null) {
                deskHours.merge(claim.deskId(), 1 << claim.hour(), (a, b) -> a | b);
            } else {
                bookings.computeIfAbsent(claim.user(), user -> ConcurrentHashMap.newKeySet()).add(claim.bookingId());
            }
        }
        return new Day(deskHours, bookings, now);
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
        Set<String> ofPerson = day.bookingsOfPerson().computeIfAbsent(booking.user(), user -> ConcurrentHashMap.newKeySet());
        if (taken) {
            ofPerson.add(booking.id());
        } else {
            ofPerson.remove(booking.id());
        }
    }

    private static void giveBack(MongoCollection<DeskClaim> day, List<DeskClaim> taken) {
        for (DeskClaim claim : taken) {
            day.deleteOne(eq("_id", claim.id()));
        }
    }

    /**
     * The date's claims; the first use of a date in this process makes sure its unique index
     * exists, and other threads using the date meanwhile wait for it (computeIfAbsent), so none
     * can write a claim before the index guards it.
     */
    private MongoCollection<DeskClaim> collection(LocalDate date) {
        MongoCollection<DeskClaim> claims = store.collection("desk_claims_" + date.format(SUFFIX), DeskClaim.class);
        indexed.computeIfAbsent(date, first -> {
            claims.createIndex(Indexes.ascending("slot"), new IndexOptions().unique(true).name("unique_slot"));
            return true;
        });
        return claims;
    }
}
