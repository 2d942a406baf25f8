package io.kioskfleet.core.desks;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static io.kioskfleet.core.desks.DeskFixture.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.store.ConflictException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Booking free-address desks on the real embedded store, as staff and admins do. */
class DeskBookingsTest {

    @TempDir
    Path dataDir;
    DeskFixture desks;
    final Actor hanako = staff("hanako");
    final Actor taro = staff("taro");

    @BeforeEach
    void open() {
        desks = new DeskFixture(dataDir);
    }

    @AfterEach
    void close() {
        desks.close();
    }

    private BookingRequest wholeDay(Desk desk) {
        return new BookingRequest(desk.id(), desks.tuesday, SlotKind.WHOLE_DAY, null, null, null);
    }

    @Test
    void staffBooksAFreeDeskAndTheFloorPlanShowsItTaken() {
        Desk window = desks.desk("3F-A-01", DeskAttribute.WINDOW, DeskAttribute.EXTERNAL_MONITOR);
        Desk quiet = desks.desk("3F-A-02", DeskAttribute.QUIET);

        Booking booking = desks.bookings.book(hanako, new BookingRequest(window.id(), desks.tuesday, SlotKind.MORNING, null, null, null));

        assertThat(booking.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(booking.user()).isEqualTo("hanako");
        List<DeskAvailability> morning = desks.bookings.floorPlan(taro, desks.floor.id(), desks.tuesday, SlotKind.MORNING, null, null);
        assertThat(morning).extracting(a -> a.desk().name() + "=" + a.free()).containsExactly("3F-A-01=false", "3F-A-02=true");
        List<DeskAvailability> afternoon = desks.bookings.floorPlan(taro, desks.floor.id(), desks.tuesday, SlotKind.AFTERNOON, null, null);
        assertThat(afternoon).allMatch(DeskAvailability::free);
        assertThat(desks.bookings.mine(hanako)).extracting(Booking::id).containsExactly(booking.id());
        assertThat(quiet.attributes()).containsExactly(DeskAttribute.QUIET);
    }

    @Test
    void aDeskIsNeverDoubleBookedWhenManyBookAtOnce() throws Exception {
        Desk desk = desks.desk("3F-B-01");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Actor booker = staff("staff" + i);
            attempts.add(() -> {
                try {
                    desks.bookings.book(booker, wholeDay(desk));
                    return "booked";
                } catch (ConflictException e) {
                    return e.reason();
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> outcome : pool.invokeAll(attempts)) {
            outcomes.add(outcome.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn("booked"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("desk-taken"::equals).hasSize(39);
        assertThat(desks.bookingRepository.dated(desks.tuesday, desks.tuesday, EnumSet.allOf(BookingState.class))).hasSize(1);
    }

    @Test
    void overlappingSlotsOfOneDeskCollideButMorningAndAfternoonDoNot() {
        Desk desk = desks.desk("3F-B-02");
        desks.bookings.book(hanako, new BookingRequest(desk.id(), desks.tuesday, SlotKind.MORNING, null, null, null));
        desks.bookings.book(taro, new BookingRequest(desk.id(), desks.tuesday, SlotKind.AFTERNOON, null, null, null));

        assertThatThrownBy(() -> desks.bookings.book(staff("jiro"),
            new BookingRequest(desk.id(), desks.tuesday, SlotKind.HOURLY, 12, 14, null)))
            .isInstanceOf(ConflictException.class).hasMessageContaining("already booked");
    }

    @Test
    void onePersonCannotHoldTwoDesksAtTheSameTime() {
        Desk first = desks.desk("3F-C-01");
        Desk second = desks.desk("3F-C-02");
        desks.bookings.book(hanako, wholeDay(first));

        assertThatThrownBy(() -> desks.bookings.book(hanako, new BookingRequest(second.id(), desks.tuesday, SlotKind.HOURLY, 15, 16, null)))
            .isInstanceOfSatisfying(BookingRulesException.class,
                e -> assertThat(e.rules()).extracting(BrokenRule::reason).containsExactly("overlapping"));
        assertThat(desks.bookings.floorPlan(taro, desks.floor.id(), desks.tuesday, SlotKind.WHOLE_DAY, null, null))
            .filteredOn(DeskAvailability::free).extracting(a -> a.desk().name()).containsExactly("3F-C-02");
    }

    @Test
    void badRequestsAreRefusedWithEveryBrokenRuleAndChangeNothing() {
        Site strict = desks.catalogue.changeSite(ADMIN, desks.site.id(),
            new SiteDraft(null, desks.site.name(), new BookingLimits(7, 2, Set.of(SlotKind.WHOLE_DAY), 15)), null);
        assertThat(strict.limits().maxPerWeek()).isEqualTo(2);
        Desk desk = desks.desk("3F-D-01");

        assertThatThrownBy(() -> desks.bookings.book(hanako,
            new BookingRequest(desk.id(), desks.tuesday.minusDays(1), SlotKind.MORNING, null, null, null)))
            .isInstanceOfSatisfying(BookingRulesException.class, e -> assertThat(e.rules()).extracting(BrokenRule::reason)
                .containsExactly("slot-kind-not-allowed", "slot-in-past"));
        assertThatThrownBy(() -> desks.bookings.book(hanako,
            new BookingRequest(desk.id(), desks.tuesday.plusDays(8), SlotKind.WHOLE_DAY, null, null, null)))
            .isInstanceOfSatisfying(BookingRulesException.class, e -> assertThat(e.rules()).extracting(BrokenRule::reason)
                .containsExactly("beyond-horizon"));
        assertThatThrownBy(() -> desks.bookings.book(hanako,
            new BookingRequest(desk.id(), desks.tuesday, SlotKind.HOURLY, 19, 21, null)))
            .isInstanceOf(io.kioskfleet.core.input.InvalidInputException.class).hasMessageContaining("fromHour");

        desks.bookings.book(hanako, wholeDay(desk));
        desks.bookings.book(hanako, new BookingRequest(desk.id(), desks.tuesday.plusDays(1), SlotKind.WHOLE_DAY, null, null, null));
        assertThatThrownBy(() -> desks.bookings.book(hanako,
            new BookingRequest(desk.id(), desks.tuesday.plusDays(2), SlotKind.WHOLE_DAY, null, null, null)))
            .isInstanceOfSatisfying(BookingRulesException.class, e -> assertThat(e.rules()).extracting(BrokenRule::reason)
                .containsExactly("weekly-limit"));
        assertThat(desks.bookings.mine(hanako)).hasSize(2);
    }

    @Test
    void staffBookOnlyForThemselvesAndAdminsForOthersInTheirScope() {
        Desk desk = desks.desk("3F-E-01");
        assertThatThrownBy(() -> desks.bookings.book(hanako,
            new BookingRequest(desk.id(), desks.tuesday, SlotKind.WHOLE_DAY, null, null, "taro")))
            .isInstanceOf(ForbiddenException.class);
        String otherBranch = desks.otherBranch("南部支所");
        assertThatThrownBy(() -> desks.bookings.book(CoreFixture.branchAdminOf(otherBranch),
            new BookingRequest(desk.id(), desks.tuesday, SlotKind.WHOLE_DAY, null, null, "taro")))
            .isInstanceOf(ForbiddenException.class);

        Booking forTaro = desks.bookings.book(CoreFixture.branchAdminOf(desks.branchId),
            new BookingRequest(desk.id(), desks.tuesday, SlotKind.WHOLE_DAY, null, null, "taro"));

        assertThat(forTaro.user()).isEqualTo("taro");
        assertThat(forTaro.createdBy()).isEqualTo("branch-admin");
        assertThatThrownBy(() -> desks.bookings.cancel(hanako, forTaro.id())).hasMessageContaining("no booking");
    }

    @Test
    void branchAdminCannotSetUpDesksAtAnotherBranchesSite() {
        String otherBranch = desks.otherBranch("南部支所");
        assertThatThrownBy(() -> desks.catalogue.createDesk(CoreFixture.branchAdminOf(otherBranch),
            new DeskDraft(desks.site.id(), desks.floor.id(), null, "3F-X-01", Set.of(), null)))
            .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> desks.catalogue.addFloor(hanako, desks.site.id(), "4F")).isInstanceOf(ForbiddenException.class);
        desks.desk("3F-X-01");
        assertThatThrownBy(() -> desks.desk("3F-X-01")).isInstanceOf(ConflictException.class);
    }

    @Test
    void cancellingFreesTheDesk() {
        Desk desk = desks.desk("3F-F-01");
        Booking booking = desks.bookings.book(hanako, wholeDay(desk));

        Booking cancelled = desks.bookings.cancel(hanako, booking.id());

        assertThat(cancelled.state()).isEqualTo(BookingState.CANCELLED);
        assertThat(desks.bookings.book(taro, wholeDay(desk)).state()).isEqualTo(BookingState.CONFIRMED);
        assertThatThrownBy(() -> desks.bookings.cancel(hanako, booking.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aBookingLeftHalfDoneByACrashDoesNotBlockTheDeskForLong() {
        Desk desk = desks.desk("3F-G-01");
        // The service died after storing the booking and its claims, before confirming it.
        Booking interrupted = new Booking(BookingRepository.newId(desks.tuesday), desk.id(), desk.siteId(), desk.floorId(),
            desk.ouId(), "hanako", desks.tuesday, SlotKind.WHOLE_DAY, Slot.OPENS, Slot.CLOSES, BookingState.PENDING, null,
            desks.clock.instant(), "hanako", null, null, null, null, 1);
        desks.bookingRepository.insert(interrupted);
        assertThat(desks.claims.claim(interrupted, BookingLimits.DEFAULT.maxPerWeek())).isEmpty();

        assertThatThrownBy(() -> desks.bookings.book(taro, wholeDay(desk))).isInstanceOf(ConflictException.class);
        desks.clock.advance(DeskBookings.STALE_PENDING.plusSeconds(1));
        Booking taros = desks.bookings.book(taro, wholeDay(desk));

        assertThat(taros.state()).isEqualTo(BookingState.CONFIRMED);
        assertThat(desks.noShows.release(desks.clock.instant()).rejected()).isZero();
        assertThat(desks.bookingRepository.find(interrupted.id()).orElseThrow().state()).isEqualTo(BookingState.REJECTED);
        assertThat(desks.claims.holderOf(desk.id(), desks.tuesday, 9).orElseThrow().bookingId()).isEqualTo(taros.id());
    }

    @Test
    void bookersCheckInByQrAtTheirOwnDeskOnly() {
        Desk mine = desks.desk("3F-H-01");
        Desk theirs = desks.desk("3F-H-02");
        Booking booking = desks.bookings.book(hanako, wholeDay(mine));
        desks.bookings.book(taro, wholeDay(theirs));

        desks.at(7, 0);
        assertThatThrownBy(() -> desks.bookings.checkIn(hanako, booking.id(), CheckInMethod.WEB))
            .isInstanceOfSatisfying(BookingRulesException.class, e -> assertThat(e.rules().get(0).reason()).isEqualTo("check-in-too-early"));
        desks.at(8, 10);
        assertThatThrownBy(() -> desks.bookings.checkInAtDesk(hanako, theirs.id(), CheckInMethod.QR))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo("desk-booked-by-someone-else"));
        assertThatThrownBy(() -> desks.bookings.checkIn(taro, booking.id(), CheckInMethod.WEB)).hasMessageContaining("no booking");

        Booking checkedIn = desks.bookings.checkInAtDesk(hanako, mine.id(), CheckInMethod.QR);

        assertThat(checkedIn.state()).isEqualTo(BookingState.CHECKED_IN);
        assertThat(checkedIn.checkedInWith()).isEqualTo(CheckInMethod.QR);
        assertThat(desks.bookings.checkIn(hanako, booking.id(), CheckInMethod.WEB).checkedInWith()).isEqualTo(CheckInMethod.QR);
    }

    @Test
    void aSessionStartingAtTheBookedDeskChecksTheBookerIn() {
        Desk desk = desks.desk("3F-I-01");
        Booking booking = desks.bookings.book(hanako, wholeDay(desk));
        desks.at(8, 45);
        DeskSessionCheckIn hook = new DeskSessionCheckIn(desks.bookings);

        hook.started(session("taro", desk.id()));
        assertThat(desks.bookings.get(hanako, booking.id()).state()).isEqualTo(BookingState.CONFIRMED);
        hook.started(session("hanako", "no-such-desk"));
        hook.started(session("hanako", desk.id()));

        Booking checkedIn = desks.bookings.get(hanako, booking.id());
        assertThat(checkedIn.state()).isEqualTo(BookingState.CHECKED_IN);
        assertThat(checkedIn.checkedInWith()).isEqualTo(CheckInMethod.SESSION);
    }

    private Session session(String user, String desk) {
        Instant now = desks.clock.instant();
        return new Session("ses_x", "dev_x", desks.branchId, user, desk, null, null, now, null, null,
            io.kioskfleet.protocol.sessions.SessionState.STARTED, 1);
    }

    @Test
    void noShowsAreReleasedAfterTheGracePeriodAndTheDeskIsFreeAgain() {
        Desk desk = desks.desk("3F-J-01");
        Desk other = desks.desk("3F-J-02");
        Booking absent = desks.bookings.book(hanako, new BookingRequest(desk.id(), desks.tuesday, SlotKind.MORNING, null, null, null));
        Booking present = desks.bookings.book(taro, new BookingRequest(other.id(), desks.tuesday, SlotKind.MORNING, null, null, null));
        desks.at(8, 5);
        desks.bookings.checkIn(taro, present.id(), CheckInMethod.WEB);

        desks.at(8, 29);
        assertThat(desks.noShows.release(desks.clock.instant()).released()).isZero();
        desks.at(8, 31);
        assertThat(desks.noShows.release(desks.clock.instant()).released()).isEqualTo(1);
        assertThat(desks.noShows.release(desks.clock.instant()).released()).isZero();

        assertThat(desks.bookings.get(hanako, absent.id()).state()).isEqualTo(BookingState.RELEASED);
        assertThat(desks.bookings.get(taro, present.id()).state()).isEqualTo(BookingState.CHECKED_IN);
        assertThat(desks.bookings.book(staff("jiro"), new BookingRequest(desk.id(), desks.tuesday, SlotKind.MORNING, null, null, null))
            .state()).isEqualTo(BookingState.CONFIRMED);
    }

    @Test
    void aWeeklySeriesBooksEachFreeOccurrenceAndReportsTheOthers() {
        Desk desk = desks.desk("3F-K-01");
        desks.bookings.book(taro, new BookingRequest(desk.id(), desks.tuesday.plusDays(7), SlotKind.MORNING, null, null, null));

        SeriesReport report = desks.bookings.bookSeries(hanako, new SeriesRequest(desk.id(), desks.tuesday,
            desks.tuesday.plusDays(13), Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), SlotKind.WHOLE_DAY, null, null, null));

        assertThat(report.booked()).extracting(Booking::date)
            .containsExactly(desks.tuesday, desks.tuesday.plusDays(2), desks.tuesday.plusDays(9));
        assertThat(report.booked()).allMatch(b -> report.seriesId().equals(b.seriesId()));
        assertThat(report.refused()).extracting(r -> r.date() + " " + r.reason())
            .containsExactly(desks.tuesday.plusDays(7) + " desk-taken");
    }

    @Test
    void occupancyCountsBookedHoursPerFloorAndWeekday() {
        Desk desk = desks.desk("3F-L-01");
        desks.desk("3F-L-02");
        desks.bookings.book(hanako, wholeDay(desk));
        desks.bookings.book(taro, new BookingRequest(desk.id(), desks.tuesday.plusDays(1), SlotKind.MORNING, null, null, null));

        List<OccupancyRow> rows = desks.occupancy.report(ADMIN, desks.site.id(), desks.tuesday, desks.tuesday.plusDays(6));

        OccupancyRow tuesday = rows.stream().filter(r -> r.weekday() == DayOfWeek.TUESDAY).findFirst().orElseThrow();
        assertThat(tuesday.bookedHours()).isEqualTo(12);
        assertThat(tuesday.openHours()).isEqualTo(24);
        assertThat(tuesday.utilisationPercent()).isEqualTo(50);
        assertThat(rows).filteredOn(r -> r.weekday() == DayOfWeek.WEDNESDAY).extracting(OccupancyRow::bookedHours).containsExactly(5L);
        assertThat(rows).extracting(OccupancyRow::weekday).doesNotContain(DayOfWeek.SATURDAY);
        assertThatThrownBy(() -> desks.occupancy.report(hanako, desks.site.id(), desks.tuesday, desks.tuesday))
            .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aBookingCanStillBeMadeForTheRestOfTodayButNotForAnHourThatIsOver() {
        Desk desk = desks.desk("3F-M-01");
        desks.at(10, 30);
        assertThat(desks.bookings.book(hanako, new BookingRequest(desk.id(), desks.tuesday, SlotKind.MORNING, null, null, null))
            .state()).isEqualTo(BookingState.CONFIRMED);
        assertThatThrownBy(() -> desks.bookings.book(taro, new BookingRequest(desk.id(), desks.tuesday, SlotKind.HOURLY, 8, 9, null)))
            .isInstanceOfSatisfying(BookingRulesException.class, e -> assertThat(e.rules().get(0).reason()).isEqualTo("slot-in-past"));
        assertThat(Duration.ofMinutes(1)).isPositive();
    }
}
