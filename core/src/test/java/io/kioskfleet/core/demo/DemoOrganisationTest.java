package io.kioskfleet.core.demo;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.DeskRepository;
import io.kioskfleet.core.desks.Site;
import io.kioskfleet.core.desks.SiteRepository;
import io.kioskfleet.core.schedules.ScheduleFixture;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleSummary;
import io.kioskfleet.core.schedules.Schedules;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.core.store.StoreClock;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.enrollment.EnrollmentAnswer;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOrganisationTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewcomerGetsACityWithBranchesLaptopsAndAGuestPolicyOnce() {
        try (CoreFixture fleet = CoreFixture.open(dataDir)) {
            DemoOrganisation demo = new DemoOrganisation(fleet.units(), fleet.devices(), fleet.policies().library(),
                fleet.policies().attachments(), fleet.protocol().tokens());

            assertThat(demo.seedIfEmpty()).isPresent();

            assertThat(fleet.units().all()).hasSize(6);
            assertThat(fleet.units().all()).extracting(OrganisationUnit::travelMinutes).contains(120);
            assertThat(fleet.devices().search(ADMIN, DeviceQuery.everything(), new PageRequest(0, 1)).total()).isEqualTo(40);
            String cityHall = fleet.units().tree().get(0).unit().id();
            assertThat(fleet.policies().attachments().of(ADMIN, cityHall)).isPresent();
            assertThat(fleet.audit().verify(ADMIN).intact()).isTrue();

            assertThat(demo.seedIfEmpty()).isEmpty();
            assertThat(fleet.units().all()).hasSize(6);
        }
    }

    @Test
    void theDemoFleetTokenEnrollsALaptopOfABranchBelowTheCityHall() {
        try (CoreFixture fleet = CoreFixture.open(dataDir)) {
            DemoFleet demoFleet = new DemoOrganisation(fleet.units(), fleet.devices(), fleet.policies().library(),
                fleet.policies().attachments(), fleet.protocol().tokens()).seedIfEmpty().orElseThrow();

            assertThat(demoFleet.serials()).hasSize(40).contains("KF-DEMO-HQ-001", "KF-DEMO-BR5-004");
            assertThat(fleet.protocol().tokens().list(ADMIN)).singleElement()
                .satisfies(token -> assertThat(token.maxUses()).isEqualTo(40));
            EnrollmentAnswer answer = fleet.protocol().enrollment().enroll(new EnrollmentRequest(demoFleet.tokenSecret(),
                "KF-DEMO-BR5-004", DeviceKeyPair.generate().publicKeyText(), "test"), "127.0.0.1");
            assertThat(answer.ouId()).isNotEqualTo(fleet.units().tree().get(0).unit().id());
            assertThat(demoFleet.toString()).doesNotContain(demoFleet.tokenSecret());
        }
    }

    @Test
    void theDemoCityLogsOutAndWipesAtNoonAndInTheEveningOnWorkdaysAndHasAFreeAddressFloor() {
        try (CoreFixture fleet = CoreFixture.open(dataDir)) {
            Clock clock = StoreClock.system();
            new DemoOrganisation(fleet.units(), fleet.devices(), fleet.policies().library(),
                fleet.policies().attachments(), fleet.protocol().tokens()).seedIfEmpty().orElseThrow();
            Schedules schedules = ScheduleFixture.on(fleet, clock, Duration.ofSeconds(20)).schedules();
            SiteRepository sites = new SiteRepository(fleet.store());
            DeskRepository desks = new DeskRepository(fleet.store(), clock);
            new IndexBootstrap(fleet.store()).createAll(List.of(sites, desks));
            DeskCatalogue catalogue = new DeskCatalogue(sites, desks, fleet.units(), fleet.audit(), clock);

            new DemoWorkplace(fleet.units(), schedules, catalogue).seed();

            assertThat(schedules.list(ADMIN)).extracting(ScheduleSummary::kind).containsExactlyInAnyOrder(
                ScheduleKind.LOGOUT_AND_WIPE, ScheduleKind.COMPLIANCE_SWEEP, ScheduleKind.STALE_DEVICE_SWEEP,
                ScheduleKind.COMMAND_ESCALATION, ScheduleKind.NO_SHOW_RELEASE);
            ScheduleSummary wave = schedules.list(ADMIN).stream()
                .filter(summary -> summary.kind() == ScheduleKind.LOGOUT_AND_WIPE).findFirst().orElseThrow();
            assertThat(schedules.nextFires(ADMIN, wave.id(), 10)).allSatisfy(fire -> {
                ZonedDateTime local = fire.at().atZone(ZoneId.of("Asia/Tokyo"));
                assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(local.toLocalTime()).isIn(LocalTime.of(12, 0), LocalTime.of(17, 30));
            });
            Site cityHall = catalogue.sites(ADMIN).get(0);
            assertThat(catalogue.desks(ADMIN, cityHall.id(), cityHall.floors().get(0).id())).hasSize(12);
            assertThat(fleet.audit().verify(ADMIN).intact()).isTrue();
        }
    }
}
