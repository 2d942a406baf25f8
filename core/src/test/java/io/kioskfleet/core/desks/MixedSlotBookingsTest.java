package io.kioskfleet.core.desks;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static io.kioskfleet.core.desks.DeskFixture.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.store.ConflictException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Half-day blocks and hourly bookings of the same desk and person: they share no claim document,
 * yet never overlap, also when many book at once (docs/desks.md, "No double booking").
 */
class MixedSlotBookingsTest {

    @TempDir
    Path dataDir;
    DeskFixture desks;
    final Actor hanako = staff("hanako");
    final Actor taro = staff("taro");
    final Actor jiro = staff("jiro");

    @BeforeEach
    void open() {
        desks = new DeskFixture(dataDir);
    }

    @AfterEach
    void close() {
        desks.close();
    }

    private BookingRequest hours(Desk desk, int from, int to) {
        return new BookingRequest(desk.id(), desks.tuesday, SlotKind.HOURLY, from, to, null);
    }

    private BookingRequest slot(Desk desk, SlotKind kind) {
        return new BookingRequest(desk.id(), desks.tuesday, kind, null, null, null);
    }

    @Test
    void hourlyBookingsShareAMorningButThenTheMorningIsTaken() {
        Desk desk = desks.desk("3F-A-01");
        desks.bookings.book(hanako, hours(desk, 8, 10));
        desks.bookings.book(taro, hours(desk, 11, 12));

        assertThatThrownBy(() -> desks.bookings.book(jiro, slot(desk, SlotKind.MORNING)))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo("desk-taken"));
        assertThatThrownBy(() -> desks.bookings.book(jiro, slot(desk, SlotKind.WHOLE_DAY))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> desks.bookings.book(jiro, hours(desk, 9, 11))).isInstanceOf(ConflictException.class);
        Booking afternoon = desks.bookings.book(jiro, slot(desk, SlotKind.AFTERNOON));

        assertThat(afternoon.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(desks.claims.takenHours(desk.id(), desks.tuesday)).isEqualTo(0b1111111_0_1_0_11 << 8);
        assertThat(desks.bookings.floorPlan(jiro, desks.floor.id(), desks.tuesday, SlotKind.HOURLY, 10, 11))
            .extracting(DeskAvailability::free).containsExactly(true);
    }

    @Test
    void aMorningCanBeBookedAgainOnceTheHourlyBookingsInItAreCancelled() {
        Desk desk = desks.desk("3F-A-02");
        Booking early = desks.bookings.book(hanako, hours(desk, 8, 9));
        Booking late = desks.bookings.book(taro, hours(desk, 12, 14));
        desks.bookings.cancel(hanako, early.id());
        assertThatThrownBy(() -> desks.bookings.book(jiro, slot(desk, SlotKind.MORNING))).isInstanceOf(ConflictException.class);

        desks.bookings.cancel(taro, late.id());
        Booking morning = desks.bookings.book(jiro, slot(desk, SlotKind.MORNING));

        assertThat(morning.state()).isEqualTo(BookingState.CONFIRMED);
        assertThatThrownBy(() -> desks.bookings.book(hanako, hours(desk, 12, 13))).isInstanceOf(ConflictException.class);
        assertThat(desks.bookings.book(hanako, hours(desk, 13, 14)).state()).isEqualTo(BookingState.CONFIRMED);
    }

    @Test
    void aPersonsHourlyBookingCollidesWithTheirOwnHalfDayElsewhere() {
        Desk first = desks.desk("3F-B-01");
        Desk second = desks.desk("3F-B-02");
        desks.bookings.book(hanako, hours(first, 14, 15));

        assertThatThrownBy(() -> desks.bookings.book(hanako, slot(second, SlotKind.AFTERNOON)))
            .isInstanceOfSatisfying(BookingRulesException.class,
                e -> assertThat(e.rules()).extracting(BrokenRule::reason).containsExactly("overlapping"));
        assertThat(desks.bookings.book(hanako, slot(second, SlotKind.MORNING)).state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(desks.bookings.book(hanako, hours(first, 15, 17)).state()).isEqualTo(BookingState.CONFIRMED);
    }

    @Test
    void anHourlyBookingLeftHalfDoneByACrashDoesNotBlockTheMorningForLong() {
        Desk desk = desks.desk("3F-C-01");
        Booking interrupted = new Booking(BookingRepository.newId(desks.tuesday), desk.id(), desk.siteId(), desk.floorId(),
            desk.ouId(), "hanako", desks.tuesday, SlotKind.HOURLY, 9, 10, BookingState.PENDING, null,
            desks.clock.instant(), "hanako", null, null, null, null, 1);
        desks.bookingRepository.insert(interrupted);
        assertThat(desks.claims.claim(interrupted, BookingLimits.DEFAULT.maxPerWeek())).isEmpty();

        assertThatThrownBy(() -> desks.bookings.book(taro, slot(desk, SlotKind.MORNING))).isInstanceOf(ConflictException.class);
        desks.clock.advance(DeskBookings.STALE_PENDING.plusSeconds(1));
        Booking morning = desks.bookings.book(taro, slot(desk, SlotKind.MORNING));

        assertThat(morning.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(desks.bookingRepository.find(interrupted.id()).orElseThrow().state()).isEqualTo(BookingState.REJECTED);
        assertThat(desks.claims.holderOf(desk.id(), desks.tuesday, 9).orElseThrow().bookingId()).isEqualTo(morning.id());
        // Hanako's week no longer counts the interrupted booking.
        assertThat(desks.bookings.book(hanako, slot(desk, SlotKind.AFTERNOON)).state()).isEqualTo(BookingState.CONFIRMED);
    }

    @Test
    void manyBookingEverySlotKindAtOnceNeverShareAnHourOfADeskOrOfAPerson() throws Exception {
        Desk contested = desks.desk("3F-D-01");
        Desk other = desks.desk("3F-D-02");
        Random random = new Random(8);
        SlotKind[] kinds = SlotKind.values();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (int round = 0; round < 6; round++) {
                LocalDate date = desks.tuesday.plusDays(round);
                List<Callable<String>> attempts = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    // Every fifth attempt is hanako's, at either desk: she must never hold two desks at once either.
                    boolean hers = i % 5 == 0;
                    Actor booker = hers ? hanako : staff("staff" + round + "-" + i);
                    Desk desk = hers && random.nextBoolean() ? other : contested;
                    SlotKind kind = kinds[random.nextInt(kinds.length)];
                    int from = Slot.OPENS + random.nextInt(Slot.CLOSES - Slot.OPENS);
                    int to = from + 1 + random.nextInt(Math.min(4, Slot.CLOSES - from));
                    BookingRequest request = new BookingRequest(desk.id(), date, kind, from, to, null);
                    attempts.add(() -> outcomeOf(booker, request));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> outcome : pool.invokeAll(attempts)) {
                    outcomes.add(outcome.get());
                }

                List<Booking> held = desks.bookingRepository.dated(date, date, EnumSet.allOf(BookingState.class));
                assertThat(held).allMatch(b -> b.state() == BookingState.CONFIRMED);
                assertThat(held).hasSize((int) outcomes.stream().filter("booked"::equals).count());
                assertThat(outcomes).isSubsetOf(List.of("booked", "desk-taken", "overlapping", "weekly-limit"));
                assertThat(outcomes).contains("booked", "desk-taken");
                assertDisjoint(held.stream().filter(b -> b.deskId().equals(contested.id())).toList());
                assertDisjoint(held.stream().filter(b -> b.user().equals("hanako")).toList());
                int booked = held.stream().filter(b -> b.deskId().equals(contested.id()))
                    .mapToInt(b -> b.slot().hourMask()).reduce(0, (a, b) -> a | b);
                assertThat(desks.claims.takenHours(contested.id(), date)).isEqualTo(booked);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theWeeklyLimitHoldsWhenOnePersonBooksManyDaysOfAWeekAtOnce() throws Exception {
        desks.catalogue.changeSite(ADMIN, desks.site.id(),
            new SiteDraft(null, desks.site.name(), new BookingLimits(14, 2, EnumSet.allOf(SlotKind.class), 30)), null);
        Desk desk = desks.desk("3F-E-01");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Callable<String>> attempts = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            // Tuesday to Saturday of the same ISO week.
            BookingRequest request = new BookingRequest(desk.id(), desks.tuesday.plusDays(day), SlotKind.MORNING, null, null, null);
            attempts.add(() -> outcomeOf(hanako, request));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> outcome : pool.invokeAll(attempts)) {
            outcomes.add(outcome.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn("booked"::equals).hasSizeLessThanOrEqualTo(2).isNotEmpty();
        assertThat(outcomes).filteredOn(o -> !o.equals("booked")).containsOnly("weekly-limit");
        assertThat(desks.bookings.mine(hanako)).hasSizeLessThanOrEqualTo(2);
        Booking first = desks.bookings.mine(hanako).get(0);
        desks.bookings.cancel(hanako, first.id());
        assertThat(desks.bookings.book(hanako, new BookingRequest(desk.id(), desks.tuesday.plusDays(5), SlotKind.MORNING,
            null, null, null)).state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(Set.copyOf(outcomes)).isNotEmpty();
    }

    private String outcomeOf(Actor booker, BookingRequest request) {
        try {
            desks.bookings.book(booker, request);
            return "booked";
        } catch (ConflictException e) {
            return e.reason();
        } catch (BookingRulesException e) {
            return e.rules().get(0).reason();
        }
    }

    private static void assertDisjoint(List<Booking> bookings) {
        int seen = 0;
        for (Booking booking : bookings) {
            assertThat(seen & booking.slot().hourMask()).as("hours of %s already held", booking).isZero();
            seen |= booking.slot().hourMask();
        }
    }
}
