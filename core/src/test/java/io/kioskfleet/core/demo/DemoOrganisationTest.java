package io.kioskfleet.core.demo;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.store.PageRequest;
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
                fleet.policies().attachments());

            assertThat(demo.seedIfEmpty()).isTrue();

            assertThat(fleet.units().all()).hasSize(6);
            assertThat(fleet.units().all()).extracting(OrganisationUnit::travelMinutes).contains(120);
            assertThat(fleet.devices().search(ADMIN, DeviceQuery.everything(), new PageRequest(0, 1)).total()).isEqualTo(40);
            String cityHall = fleet.units().tree().get(0).unit().id();
            assertThat(fleet.policies().attachments().of(ADMIN, cityHall)).isPresent();
            assertThat(fleet.audit().verify(ADMIN).intact()).isTrue();

            assertThat(demo.seedIfEmpty()).isFalse();
            assertThat(fleet.units().all()).hasSize(6);
        }
    }
}
