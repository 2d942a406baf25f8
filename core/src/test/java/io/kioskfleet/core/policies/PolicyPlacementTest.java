package io.kioskfleet.core.policies;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static io.kioskfleet.core.policies.PolicyTexts.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attaching policies along the OU tree, locks, device exceptions, effective policies and dry runs. */
class PolicyPlacementTest {

    @TempDir
    Path dataDir;
    SettableClock clock = new SettableClock();
    CoreFixture fleet;
    PolicyLibrary library;
    PolicyAttachments attachments;
    EffectivePolicies effective;
    DeviceExceptions exceptions;
    OrganisationUnit hq;
    OrganisationUnit north;
    OrganisationUnit south;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir, clock);
        library = fleet.policies().library();
        attachments = fleet.policies().attachments();
        effective = fleet.policies().effective();
        exceptions = fleet.policies().exceptions();
        hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", hq.id(), "南区2", 30));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private Policy published(String name, String text) {
        Policy policy = library.create(ADMIN, name, text);
        library.publish(ADMIN, policy.id(), null);
        return policy;
    }

    private Device device(String serial, OrganisationUnit unit) {
        return fleet.devices().preRegister(ADMIN, new DeviceDraft(serial, unit.id(), null, null, List.of(), null));
    }

    private static EffectivePolicyReport.Setting setting(EffectivePolicyReport report, String key) {
        return report.settings().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aBranchCannotOverrideASettingHeadquartersLockedAndIsToldWhichUnitLockedIt() {
        Policy hqPolicy = published("本庁", policy("hq", "access:\n  networkZone: lgwan", "access.networkZone"));
        attachments.attach(ADMIN, hq.id(), hqPolicy.id(), null);
        Policy branch = published("北部", policy("north", "access:\n  networkZone: internet"));

        assertThatThrownBy(() -> attachments.attach(ADMIN, north.id(), branch.id(), null))
            .isInstanceOfSatisfying(InvalidPolicyException.class, refused ->
                assertThat(refused.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("settings.access.networkZone");
                    assertThat(problem.code()).isEqualTo("lock.overridden");
                    assertThat(problem.message()).contains(hq.id());
                    assertThat(problem.messageJa()).contains(hq.id());
                }));
    }

    @Test
    void aPublishThatWouldBreakALockWhereThePolicyIsAttachedIsRefused() {
        Policy branch = published("北部", policy("north", "data:\n  usbStorage: readOnly"));
        attachments.attach(ADMIN, north.id(), branch.id(), null);
        attachments.attach(ADMIN, hq.id(), published("本庁", policy("hq", "data:\n  usbStorage: blocked", "data.usbStorage")).id(), null);
        library.saveDraft(ADMIN, branch.id(), null, policy("north", "data:\n  usbStorage: allowed"), 1);

        assertThatThrownBy(() -> library.publish(ADMIN, branch.id(), null))
            .isInstanceOfSatisfying(InvalidPolicyException.class, refused ->
                assertThat(refused.problems()).extracting(PolicyProblem::code).containsExactly("lock.overridden"));
    }

    @Test
    void theEffectivePolicyOfAUnitSaysWhereEachValueCameFromAndWhoLockedIt() {
        attachments.attach(ADMIN, hq.id(), published("本庁", policy("hq",
            "session:\n  maxLengthMinutes: 300\nwipe:\n  onLogout: true", "wipe.onLogout")).id(), null);
        attachments.attach(ADMIN, north.id(), published("北部", policy("north", "session:\n  idleLogoutMinutes: 10")).id(), null);

        EffectivePolicyReport report = effective.ofOu(ADMIN, north.id());

        assertThat(setting(report, "session.maxLengthMinutes")).extracting("value", "origin", "lockedBy")
            .containsExactly(300L, hq.id(), null);
        assertThat(setting(report, "session.idleLogoutMinutes")).extracting("value", "origin").containsExactly(10L, north.id());
        assertThat(setting(report, "wipe.onLogout")).extracting("origin", "lockedBy").containsExactly(hq.id(), hq.id());
        assertThat(setting(report, "data.usbStorage")).extracting("value", "origin").containsExactly("blocked", "default");
        assertThat(report.payloadEtag()).isNotEqualTo(effective.ofOu(ADMIN, south.id()).payloadEtag());
    }

    @Test
    void aDeviceExceptionAppliesToThatDeviceUntilItExpires() {
        attachments.attach(ADMIN, hq.id(), published("本庁", policy("hq", "wipe:\n  onLogout: true", "wipe.onLogout")).id(), null);
        Device migrating = device("SN-EXC-1", north);
        Device neighbour = device("SN-EXC-2", north);

        exceptions.grant(ADMIN, migrating.id(), Map.of("data.usbStorage", "allowed"), clock.instant().plus(Duration.ofDays(7)),
            "data migration");

        EffectivePolicyReport during = effective.ofDevice(ADMIN, migrating.id());
        assertThat(setting(during, "data.usbStorage")).extracting("value", "origin").containsExactly("allowed", "device exception");
        assertThat(during.exceptionExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(setting(effective.ofDevice(ADMIN, neighbour.id()), "data.usbStorage").value()).isEqualTo("blocked");

        clock.advance(Duration.ofDays(7));
        EffectivePolicyReport after = effective.ofDevice(ADMIN, migrating.id());
        assertThat(setting(after, "data.usbStorage")).extracting("value", "origin").containsExactly("blocked", "default");
        assertThat(after.payloadEtag()).isEqualTo(effective.ofOu(ADMIN, north.id()).payloadEtag());
        assertThat(exceptions.of(ADMIN, migrating.id())).singleElement().extracting(DeviceExceptionView::active).isEqualTo(false);
    }

    @Test
    void anExceptionMustExpireInTheFutureAndCannotTouchALockedSetting() {
        attachments.attach(ADMIN, hq.id(), published("本庁", policy("hq", "wipe:\n  onLogout: true", "wipe.onLogout")).id(), null);
        Device device = device("SN-EXC-3", north);

        assertThatThrownBy(() -> exceptions.grant(ADMIN, device.id(), Map.of("wipe.onLogout", false),
            clock.instant().minusSeconds(1), null))
            .isInstanceOfSatisfying(InvalidPolicyException.class, refused -> assertThat(refused.problems())
                .extracting(PolicyProblem::path).containsExactlyInAnyOrder("expiresAt", "settings.wipe.onLogout"));
        assertThatThrownBy(() -> exceptions.grant(ADMIN, device.id(), Map.of("data.usbStorage", "allowed"), null, null))
            .hasMessageContaining("expiresAt");
        assertThat(exceptions.of(ADMIN, device.id())).isEmpty();
    }

    @Test
    void aRemovedExceptionNoLongerApplies() {
        Device device = device("SN-EXC-4", south);
        exceptions.grant(ADMIN, device.id(), Map.of("data.printingAllowed", false), clock.instant().plusSeconds(3600), null);
        exceptions.remove(ADMIN, device.id());
        assertThat(setting(effective.ofDevice(ADMIN, device.id()), "data.printingAllowed").value()).isEqualTo(true);
    }

    @Test
    void aBranchAdminAttachesPoliciesOnlyWithinTheirOwnBranch() {
        Policy branchPolicy = published("北部", policy("north", "session:\n  idleLogoutMinutes: 10"));
        var northAdmin = CoreFixture.branchAdminOf(north.id());

        assertThat(attachments.attach(northAdmin, north.id(), branchPolicy.id(), 1).pinnedVersion()).isEqualTo(1);
        assertThatThrownBy(() -> attachments.attach(northAdmin, south.id(), branchPolicy.id(), null))
            .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> library.publish(northAdmin, branchPolicy.id(), null)).isInstanceOf(ForbiddenException.class);
        Device southDevice = device("SN-EXC-5", south);
        assertThatThrownBy(() -> exceptions.grant(northAdmin, southDevice.id(), Map.of("data.printingAllowed", false),
            clock.instant().plusSeconds(60), null)).isInstanceOf(io.kioskfleet.core.store.NotFoundException.class);
    }

    @Test
    void aDryRunListsExactlyTheDevicesWhosePayloadWouldChange() {
        Policy branchPolicy = published("北部", policy("north", "session:\n  idleLogoutMinutes: 10"));
        attachments.attach(ADMIN, north.id(), branchPolicy.id(), null);
        Device plain = device("SN-DRY-1", north);
        Device shielded = device("SN-DRY-2", north);
        Device elsewhere = device("SN-DRY-3", south);
        exceptions.grant(ADMIN, shielded.id(), Map.of("session.idleLogoutMinutes", 10), clock.instant().plusSeconds(3600), null);
        library.saveDraft(ADMIN, branchPolicy.id(), null, policy("north", "session:\n  idleLogoutMinutes: 15"), 1);

        PublishPreview preview = fleet.policies().dryRun().preview(ADMIN, branchPolicy.id());

        assertThat(preview.devices()).extracting(PublishPreview.AffectedDevice::serial).containsExactly(plain.serial());
        assertThat(preview.deviceCount()).isEqualTo(1);
        assertThat(preview.ous()).singleElement().satisfies(impact -> {
            assertThat(impact.ouId()).isEqualTo(north.id());
            assertThat(impact.deviceCount()).isEqualTo(1);
            assertThat(impact.changes()).extracting("key", "before", "after")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("session.idleLogoutMinutes", 10L, 15L));
        });
        assertThat(preview.devices()).extracting(PublishPreview.AffectedDevice::id).doesNotContain(elsewhere.id());
        assertThat(library.get(ADMIN, branchPolicy.id()).latestVersion()).isEqualTo(1);
    }
}
