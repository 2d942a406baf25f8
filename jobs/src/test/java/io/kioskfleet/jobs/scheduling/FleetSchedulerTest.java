package io.kioskfleet.jobs.scheduling;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.schedules.FireDecision;
import io.kioskfleet.core.schedules.FireRecord;
import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.HolidayRule;
import io.kioskfleet.core.schedules.MisfireRule;
import io.kioskfleet.core.schedules.Schedule;
import io.kioskfleet.core.schedules.ScheduleDraft;
import io.kioskfleet.core.schedules.ScheduleFixture;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleRepository;
import io.kioskfleet.core.schedules.ScheduleTarget;
import io.kioskfleet.core.schedules.ScheduledFire;
import io.kioskfleet.core.store.StoreClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetSchedulerTest {

    static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    /** Friday 20 November 2026, 08:00 in Tokyo. */
    static final Instant FRIDAY_MORNING = Instant.parse("2026-11-19T23:00:00Z");
    /** The same Friday, 12:00 in Tokyo. */
    static final Instant FRIDAY_NOON = Instant.parse("2026-11-20T03:00:00Z");
    static final Duration TTL = Duration.ofSeconds(25);

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    ScheduleFixture fixture;
    OrganisationUnit branch;
    final List<FleetScheduler> instances = new ArrayList<>();

    void open(Clock clock, Duration ttl) {
        fleet = CoreFixture.open(dataDir, clock);
        fixture = ScheduleFixture.on(fleet, clock, ttl);
        OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        branch = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
    }

    FleetScheduler instance(String id, Clock clock, Duration renewEvery) {
        return instance(id, clock, renewEvery, fixture.repository());
    }

    /** An instance reading schedules through its own repository, as another process would. */
    FleetScheduler instance(String id, Clock clock, Duration renewEvery, ScheduleRepository repository) {
        SchedulerSettings settings = new SchedulerSettings(id, renewEvery, Duration.ZERO, Duration.ofMinutes(1),
            Duration.ofDays(7));
        FleetScheduler scheduler = new FleetScheduler(repository, fixture.schedules(), fixture.firing(),
            new MissedFires(fixture.fireLog(), fixture.firing(), fixture.calendar()), fixture.lease(), settings, clock);
        instances.add(scheduler);
        return scheduler;
    }

    @AfterEach
    void close() {
        instances.forEach(FleetScheduler::close);
        fleet.close();
    }

    Schedule noonAndEvening(MisfireRule rule) {
        return fixture.schedules().create(ADMIN, new ScheduleDraft("北部 昼と夕方", ScheduleKind.LOGOUT_AND_WIPE, null,
            List.of("12:00", "17:30"), WEEKDAYS, null, HolidayRule.SKIP,
            new ScheduleTarget(List.of(branch.id()), List.of(), List.of()), null, null, null, rule, 30, null));
    }

    List<FireRecord> log(Schedule schedule) {
        return fixture.schedules().recentFires(ADMIN, schedule.id(), 20);
    }

    @Test
    void ofTwoInstancesSharingAStoreOnlyTheLeaseHolderPlansAndFires() {
        SettableClock clock = SettableClock.at(FRIDAY_MORNING);
        open(clock, TTL);
        FleetScheduler first = instance("first", clock, Duration.ZERO);
        FleetScheduler second = instance("second", clock, Duration.ZERO);
        first.keepLease();
        second.keepLease();
        Schedule schedule = noonAndEvening(MisfireRule.RUN_ONCE_LATE);
        first.reloadIfChanged();
        second.reloadIfChanged();

        assertThat(first.isHolder()).isTrue();
        assertThat(second.isHolder()).isFalse();
        assertThat(first.plannedSchedules()).isEqualTo(1);
        assertThat(second.plannedSchedules()).isZero();

        clock.set(FRIDAY_NOON.plusMillis(20));
        first.keepLease();
        second.keepLease();
        first.due(schedule.id(), FRIDAY_NOON);
        second.due(schedule.id(), FRIDAY_NOON);
        first.due(schedule.id(), FRIDAY_NOON);
        assertThat(fixture.work().started()).singleElement().satisfies(fire -> {
            assertThat(fire.trigger()).isEqualTo(FireTrigger.ON_TIME);
            assertThat(fire.plannedTime()).isEqualTo(FRIDAY_NOON);
            assertThat(fire.fencingToken()).isEqualTo(1);
            assertThat(fixture.lease().admits(fire)).isTrue();
        });
        assertThat(log(schedule)).extracting(FireRecord::decision).containsExactly(FireDecision.FIRED_ON_TIME);
    }

    @Test
    void whenTheHolderStopsRenewingTheOtherTakesOverAndTheOldTokenIsRefused() {
        SettableClock clock = SettableClock.at(FRIDAY_MORNING);
        open(clock, TTL);
        FleetScheduler first = instance("first", clock, Duration.ZERO);
        FleetScheduler second = instance("second", clock, Duration.ZERO);
        first.keepLease();
        Schedule schedule = noonAndEvening(MisfireRule.RUN_ONCE_LATE);

        clock.advance(Duration.ofSeconds(10));
        second.keepLease();
        assertThat(second.isHolder()).as("the lease has not lapsed yet").isFalse();
        clock.advance(Duration.ofSeconds(16));
        second.keepLease();
        assertThat(second.token()).contains(2L);
        assertThat(fixture.lease().isCurrent(1)).isFalse();

        clock.set(FRIDAY_NOON);
        first.due(schedule.id(), FRIDAY_NOON);
        assertThat(fixture.work().started()).as("the deposed holder fires nothing").isEmpty();
        ScheduledFire stale = schedule.fireAt(FRIDAY_NOON, FireTrigger.ON_TIME, 1);
        assertThat(fixture.lease().admits(stale)).isFalse();

        first.keepLease();
        assertThat(first.isHolder()).as("a failed renewal makes the old holder step down").isFalse();
        second.keepLease();
        second.due(schedule.id(), FRIDAY_NOON);
        assertThat(fixture.work().started()).extracting(ScheduledFire::fencingToken).containsExactly(2L);
    }

    @Test
    void aKilledHolderIsReplacedWithinTheLeaseTimeOnTheRealClock() throws InterruptedException {
        Clock clock = StoreClock.system();
        Duration ttl = Duration.ofSeconds(2);
        open(clock, ttl);
        FleetScheduler first = instance("first", clock, Duration.ofMillis(300));
        first.start();
        FleetScheduler second = instance("second", clock, Duration.ofMillis(300));
        second.start();
        assertThat(first.isHolder()).isTrue();
        Thread.sleep(1000);
        assertThat(second.isHolder()).as("the holder renews, so the lease never lapses").isFalse();

        Instant killedAt = Instant.now();
        first.crash();
        while (!second.isHolder() && Duration.between(killedAt, Instant.now()).toSeconds() < 30) {
            Thread.sleep(50);
        }
        Duration failover = Duration.between(killedAt, Instant.now());
        assertThat(second.isHolder()).isTrue();
        // The lease lapses after ttl and the second tries every 300 ms; the rest is slack for a loaded
        // 2-core machine (3.25 s was seen with ttl + 1 s). Still far under the 30 s the issue allows.
        assertThat(failover).isLessThan(ttl.plusSeconds(3));
        assertThat(fixture.lease().isCurrent(1)).isFalse();
    }

    /**
     * A noon and evening schedule created Friday morning, with no instance running until
     * {@code late} after Friday noon, when one takes the lease.
     */
    Schedule missedNoonBy(Duration late, MisfireRule rule) {
        SettableClock clock = SettableClock.at(FRIDAY_MORNING);
        open(clock, TTL);
        Schedule schedule = noonAndEvening(rule);
        clock.set(FRIDAY_NOON.plus(late));
        instance("late", clock, Duration.ZERO).keepLease();
        return schedule;
    }

    @Test
    void aFireMissedWhileNoInstanceRanRunsOnceLateWithinTheMaximumLateness() {
        Schedule schedule = missedNoonBy(Duration.ofMinutes(10), MisfireRule.RUN_ONCE_LATE);
        instances.get(0).reload();

        assertThat(fixture.work().started()).singleElement().satisfies(fire -> {
            assertThat(fire.trigger()).isEqualTo(FireTrigger.LATE);
            assertThat(fire.plannedTime()).isEqualTo(FRIDAY_NOON);
        });
        assertThat(log(schedule)).singleElement().satisfies(record -> {
            assertThat(record.decision()).isEqualTo(FireDecision.FIRED_LATE);
            assertThat(record.note()).contains("missed by 10 min");
        });
    }

    @Test
    void aFireMissedByMoreThanTheMaximumLatenessIsSkippedAndSaysWhy() {
        Schedule schedule = missedNoonBy(Duration.ofMinutes(45), MisfireRule.RUN_ONCE_LATE);

        assertThat(fixture.work().started()).isEmpty();
        assertThat(log(schedule)).singleElement().satisfies(record -> {
            assertThat(record.decision()).isEqualTo(FireDecision.SKIPPED_TOO_LATE);
            assertThat(record.note()).contains("more than the 30 min allowed");
        });
    }

    @Test
    void withTheSkipRuleAMissedFireIsSkippedHoweverRecent() {
        Schedule schedule = missedNoonBy(Duration.ofMinutes(5), MisfireRule.SKIP);

        assertThat(fixture.work().started()).isEmpty();
        assertThat(log(schedule)).extracting(FireRecord::decision).containsExactly(FireDecision.SKIPPED_MISSED);
    }

    @Test
    void afterALongOutageOnlyTheLatestMissedFireRunsAndEachEarlierOneIsRecordedOnce() {
        SettableClock clock = SettableClock.at(FRIDAY_MORNING);
        open(clock, TTL);
        Schedule schedule = noonAndEvening(MisfireRule.RUN_ONCE_LATE);
        // Down from Friday morning to Tuesday 12:05; Monday 23 November is a holiday the schedule skips.
        clock.set(Instant.parse("2026-11-24T03:05:00Z"));
        FleetScheduler late = instance("late", clock, Duration.ZERO);
        late.keepLease();
        late.reload();
        late.keepLease();

        assertThat(fixture.work().started()).extracting(ScheduledFire::plannedTime)
            .containsExactly(Instant.parse("2026-11-24T03:00:00Z"));
        assertThat(log(schedule)).extracting(FireRecord::plannedTime, FireRecord::decision).containsExactly(
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-24T03:00:00Z"), FireDecision.FIRED_LATE),
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-20T08:30:00Z"), FireDecision.SKIPPED_MISSED),
            org.assertj.core.groups.Tuple.tuple(FRIDAY_NOON, FireDecision.SKIPPED_MISSED));
    }

    @Test
    void firesMissedWhilePausedAreNotCaughtUpOnResume() {
        SettableClock clock = SettableClock.at(FRIDAY_MORNING);
        open(clock, TTL);
        Schedule schedule = noonAndEvening(MisfireRule.RUN_ONCE_LATE);
        FleetScheduler holder = instance("holder", clock, Duration.ZERO);
        holder.keepLease();
        fixture.schedules().setEnabled(ADMIN, schedule.id(), false, null);
        clock.set(FRIDAY_NOON.plus(Duration.ofMinutes(5)));
        fixture.schedules().setEnabled(ADMIN, schedule.id(), true, null);
        holder.reloadIfChanged();

        assertThat(fixture.work().started()).isEmpty();
        assertThat(log(schedule)).isEmpty();
        assertThat(holder.plannedSchedules()).isEqualTo(1);
    }

    @Test
    void aScheduleChangedOnAnotherInstanceIsReplannedAtTheHoldersNextPoll() {
        SettableClock clock = SettableClock.at(FRIDAY_MORNING);
        open(clock, TTL);
        FleetScheduler holder = instance("holder", clock, Duration.ZERO, new ScheduleRepository(fleet.store()));
        holder.keepLease();
        Schedule schedule = noonAndEvening(MisfireRule.RUN_ONCE_LATE);
        assertThat(holder.plannedSchedules()).as("made on another instance: not seen yet").isZero();

        holder.reloadIfChanged();
        assertThat(holder.plannedSchedules()).isEqualTo(1);
        fixture.schedules().setEnabled(ADMIN, schedule.id(), false, null);
        holder.reloadIfChanged();
        assertThat(holder.plannedSchedules()).as("paused elsewhere, dropped here").isZero();
    }
}
