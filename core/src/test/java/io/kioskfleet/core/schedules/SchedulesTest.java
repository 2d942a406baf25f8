package io.kioskfleet.core.schedules;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditEvent;
import io.kioskfleet.core.evidence.ReportPeriod;
import io.kioskfleet.core.input.FieldError;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.VersionConflictException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulesTest {

    static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    static final Actor AUDITOR = new Actor("auditor", Set.of(Role.AUDITOR), Set.of(), "127.0.0.1");

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    SettableClock clock = SettableClock.at(Instant.parse("2026-11-19T23:00:00Z"));
    ScheduleFixture fixture;
    Schedules schedules;
    OrganisationUnit north;
    OrganisationUnit south;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir, clock);
        fixture = ScheduleFixture.on(fleet, clock, Duration.ofSeconds(20));
        schedules = fixture.schedules();
        OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", hq.id(), "南区2", 30));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    static ScheduleDraft noonAndEvening(String ouId) {
        return new ScheduleDraft("北部 昼と夕方の消去", ScheduleKind.LOGOUT_AND_WIPE, null, List.of("12:00", "17:30"), WEEKDAYS,
            null, HolidayRule.SKIP, new ScheduleTarget(List.of(ouId), List.of(), List.of()), 10, null, null, null, null,
            null);
    }

    private static List<String> paths(Throwable e) {
        return ((InvalidInputException) e).errors().stream().map(FieldError::path).toList();
    }

    @Test
    void aWipeAtNoonAndHalfPastFiveOnWeekdaysSkipsHolidaysAndGetsItsDefaults() {
        Schedule created = schedules.create(ADMIN, noonAndEvening(north.id()));
        assertThat(created.id()).startsWith("sch_");
        assertThat(created.timeZone()).isEqualTo("Asia/Tokyo");
        assertThat(created.batchSize()).isEqualTo(500);
        assertThat(created.misfireRule()).isEqualTo(MisfireRule.RUN_ONCE_LATE);
        assertThat(created.maxLatenessMinutes()).isEqualTo(30);
        assertThat(created.enabled()).isTrue();
        assertThat(schedules.nextFires(ADMIN, created.id(), 4)).extracting(PlannedFire::local).containsExactly(
            "2026-11-20T12:00:00+09:00", "2026-11-20T17:30:00+09:00", "2026-11-24T12:00:00+09:00",
            "2026-11-24T17:30:00+09:00");
        assertThat(schedules.list(ADMIN)).singleElement().satisfies(summary -> {
            assertThat(summary.nextFire()).isEqualTo(Instant.parse("2026-11-20T03:00:00Z"));
            assertThat(summary.when()).isEqualTo("12:00 17:30 MON-FRI");
        });
        assertThat(fleet.audit().forTarget(ADMIN, created.id())).extracting(AuditEvent::action)
            .containsExactly("schedule.create");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceWithItsField() {
        ScheduleDraft bad = new ScheduleDraft(" ", null, "0 0 25 * * ?", null, List.of(DayOfWeek.MONDAY), "Mars/Olympus",
            null, null, 500, 0, null, null, 5000, null);
        assertThatThrownBy(() -> schedules.create(ADMIN, bad)).satisfies(e -> assertThat(paths(e))
            .contains("name", "kind", "cron", "weekdays", "timeZone", "spreadMinutes", "batchSize", "maxLatenessMinutes"));
    }

    @Test
    void aCronOrTimesOfDayButNotBoth() {
        ScheduleDraft both = new ScheduleDraft("x", ScheduleKind.REBOOT, "0 0 3 * * ?", List.of("03:00"), null, null,
            null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> schedules.create(ADMIN, both)).satisfies(e -> assertThat(paths(e)).contains("timesOfDay"));
        ScheduleDraft badTime = new ScheduleDraft("x", ScheduleKind.REBOOT, null, List.of("25:00"), null, null,
            null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> schedules.create(ADMIN, badTime))
            .satisfies(e -> assertThat(paths(e)).containsExactly("timesOfDay[0]"));
    }

    @Test
    void aCronFiringEverySecondIsRefused() {
        ScheduleDraft flood = new ScheduleDraft("x", ScheduleKind.REBOOT, "* * * * * ?", null, null, null,
            null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> schedules.create(ADMIN, flood)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("more often than once a minute");
    }

    @Test
    void sweepsNeedAThresholdAndWavesHaveNone() {
        ScheduleDraft sweep = new ScheduleDraft("sweep", ScheduleKind.COMPLIANCE_SWEEP, "0 */15 * * * ?", null, null,
            null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> schedules.create(ADMIN, sweep)).satisfies(e -> assertThat(paths(e))
            .containsExactly("thresholdMinutes"));
        ScheduleDraft wave = new ScheduleDraft("wave", ScheduleKind.WIPE_WAVE, "0 0 18 * * ?", null, null, null, null,
            null, null, null, 60, null, null, null);
        assertThatThrownBy(() -> schedules.create(ADMIN, wave)).satisfies(e -> assertThat(paths(e))
            .containsExactly("thresholdMinutes"));
    }

    @Test
    void anEvidenceReportReportsTheDayBeforeUnlessGivenAPeriodAndTakesNoThreshold() {
        Schedule nightly = schedules.create(ADMIN, new ScheduleDraft("毎晩の証跡", ScheduleKind.EVIDENCE_REPORT, null,
            List.of("00:30"), null, null, null, null, null, null, null, null, null, null));
        Schedule monthly = schedules.create(ADMIN, new ScheduleDraft("月次の証跡", ScheduleKind.EVIDENCE_REPORT, null,
            List.of("01:00"), null, null, null, null, null, null, null, ReportPeriod.MONTH, null, null, null));

        assertThat(nightly.reportPeriod()).isEqualTo(ReportPeriod.DAY);
        assertThat(monthly.reportPeriod()).isEqualTo(ReportPeriod.MONTH);
        assertThat(schedules.get(ADMIN, monthly.id()).reportPeriod()).isEqualTo(ReportPeriod.MONTH);
        ScheduleDraft withThreshold = new ScheduleDraft("x", ScheduleKind.EVIDENCE_REPORT, null, List.of("00:30"), null,
            null, null, null, null, null, 1440, null, null, null);
        assertThatThrownBy(() -> schedules.create(ADMIN, withThreshold)).satisfies(e -> assertThat(paths(e))
            .containsExactly("thresholdMinutes"));
        ScheduleDraft waveWithPeriod = new ScheduleDraft("x", ScheduleKind.REBOOT, null, List.of("03:00"), null, null,
            null, null, null, null, null, ReportPeriod.WEEK, null, null, null);
        assertThatThrownBy(() -> schedules.create(ADMIN, waveWithPeriod)).satisfies(e -> assertThat(paths(e))
            .containsExactly("reportPeriod"));
    }

    @Test
    void aTargetNamesUnitsAndDevicesThatExist() {
        ScheduleDraft draft = new ScheduleDraft("x", ScheduleKind.REBOOT, "0 0 3 * * ?", null, null, null, null,
            new ScheduleTarget(List.of("ou_nothere"), List.of(), List.of("dev_nothere")), null, null, null, null, null,
            null);
        assertThatThrownBy(() -> schedules.create(ADMIN, draft)).satisfies(e -> assertThat(paths(e))
            .containsExactly("target.ouIds[0]", "target.deviceIds[0]"));
    }

    @Test
    void branchAdminSchedulesWavesForTheirOwnBranchOnly() {
        Actor northAdmin = CoreFixture.branchAdminOf(north.id());
        Schedule own = schedules.create(northAdmin, noonAndEvening(north.id()));
        Schedule others = schedules.create(ADMIN, noonAndEvening(south.id()));
        assertThatThrownBy(() -> schedules.create(northAdmin, noonAndEvening(south.id())))
            .isInstanceOf(ForbiddenException.class);
        ScheduleDraft byTag = new ScheduleDraft("tag", ScheduleKind.LOGOUT_WAVE, "0 0 18 * * ?", null, null, null, null,
            new ScheduleTarget(List.of(north.id()), List.of("shared"), List.of()), null, null, null, null, null, null);
        assertThatThrownBy(() -> schedules.create(northAdmin, byTag)).isInstanceOf(ForbiddenException.class);
        ScheduleDraft sweep = new ScheduleDraft("sweep", ScheduleKind.STALE_DEVICE_SWEEP, "0 0 * * * ?", null, null,
            null, null, new ScheduleTarget(List.of(north.id()), List.of(), List.of()), null, null, 600, null, null, null);
        assertThatThrownBy(() -> schedules.create(northAdmin, sweep)).isInstanceOf(ForbiddenException.class);
        assertThat(schedules.list(northAdmin)).extracting(ScheduleSummary::id).containsExactly(own.id());
        assertThatThrownBy(() -> schedules.setEnabled(northAdmin, others.id(), false, null))
            .isInstanceOf(NotFoundException.class);
    }

    @Test
    void auditorsReadButDoNotChange() {
        Schedule created = schedules.create(ADMIN, noonAndEvening(north.id()));
        assertThat(schedules.get(AUDITOR, created.id())).isEqualTo(created);
        assertThatThrownBy(() -> schedules.setEnabled(AUDITOR, created.id(), false, null))
            .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> schedules.runNow(AUDITOR, created.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void pauseAndResumeAreVersionedChangesAndAPausedScheduleHasNoNextFireInTheList() {
        Schedule created = schedules.create(ADMIN, noonAndEvening(north.id()));
        Schedule paused = schedules.setEnabled(ADMIN, created.id(), false, created.version());
        assertThat(paused.enabled()).isFalse();
        assertThat(paused.version()).isEqualTo(2);
        assertThat(schedules.list(ADMIN)).singleElement().satisfies(s -> assertThat(s.nextFire()).isNull());
        assertThatThrownBy(() -> schedules.setEnabled(ADMIN, created.id(), true, created.version()))
            .isInstanceOf(VersionConflictException.class);
        assertThat(schedules.setEnabled(ADMIN, created.id(), true, paused.version()).enabled()).isTrue();
    }

    @Test
    void changingAScheduleReplacesItsSettingsAndKeepsWhoCreatedIt() {
        Schedule created = schedules.create(ADMIN, noonAndEvening(north.id()));
        clock.advance(Duration.ofMinutes(5));
        ScheduleDraft evening = new ScheduleDraft("夕方だけ", ScheduleKind.LOGOUT_AND_WIPE, null, List.of("17:30"), WEEKDAYS,
            "America/New_York", HolidayRule.RUN, null, null, 1000, null, MisfireRule.SKIP, null, false);
        Schedule changed = schedules.change(ADMIN, created.id(), evening, created.version());
        assertThat(changed.createdAt()).isEqualTo(created.createdAt());
        assertThat(changed.changedAt()).isEqualTo(clock.instant());
        assertThat(changed.timeZone()).isEqualTo("America/New_York");
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.version()).isEqualTo(2);
        schedules.remove(ADMIN, created.id(), changed.version());
        assertThatThrownBy(() -> schedules.get(ADMIN, created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void runNowStartsTheWorkOnceAndRecordsTheDecision() {
        Schedule created = schedules.create(ADMIN, noonAndEvening(north.id()));
        FireRecord record = schedules.runNow(ADMIN, created.id());
        assertThat(record.decision()).isEqualTo(FireDecision.FIRED_NOW);
        assertThat(fixture.work().started()).singleElement().satisfies(fire -> {
            assertThat(fire.trigger()).isEqualTo(FireTrigger.RUN_NOW);
            assertThat(fire.kind()).isEqualTo(ScheduleKind.LOGOUT_AND_WIPE);
            assertThat(fire.target().ouIds()).containsExactly(north.id());
            assertThat(fire.spreadWindow()).isEqualTo(Duration.ofMinutes(10));
        });
        assertThat(schedules.recentFires(ADMIN, created.id(), 10)).containsExactly(record);
        assertThat(fixture.fireLog().lastPlanned(created.id())).isEmpty();
        assertThat(fleet.audit().forTarget(ADMIN, created.id())).extracting(AuditEvent::action)
            .contains("schedule.run-now");
    }
}
