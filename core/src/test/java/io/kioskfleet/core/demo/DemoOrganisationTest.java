package io.kioskfleet.core.demo;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.enrollment.EnrollmentAnswer;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
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
}
