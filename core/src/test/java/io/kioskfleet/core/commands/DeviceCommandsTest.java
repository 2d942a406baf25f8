package io.kioskfleet.core.commands;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.changes.ChangeNotices;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.checkin.CheckIns;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.Inventory;
import io.kioskfleet.protocol.checkin.ManagedState;
import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.commands.CommandState;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.commands.DeviceCommand;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.policy.LocalizedText;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device commands on the real embedded store: issuing, delivery at check-in, answers, lost devices. */
class DeviceCommandsTest {

    private static final Inventory INVENTORY = new Inventory("ThinBook 14", "KioskOS 3.2", "1.0", null, 80,
        "192.168.10.23", "3F-A-12");
    private static final CommandPayload HELLO = new CommandPayload(new LocalizedText("こんにちは", "Hello"), null, null);

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    DeviceCommands commands;
    CommandDelivery delivery;
    OrganisationUnit north;
    OrganisationUnit south;
    int serials;

    @BeforeEach
    void fleetWithTwoBranches() {
        fleet = CoreFixture.open(dataDir, clock);
        commands = fleet.commands().admin();
        delivery = fleet.commands().delivery();
        OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", hq.id(), "南区1", 60));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private String enrolledLaptop(OrganisationUnit unit) {
        String serial = registered(unit).serial();
        String secret = fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(unit.id(), null, 1, null)).secret();
        return fleet.protocol().enrollment().enroll(new EnrollmentRequest(secret, serial,
            DeviceKeyPair.generate().publicKeyText(), "1.0"), "10.0.0.1").deviceId();
    }

    private Device registered(OrganisationUnit unit) {
        return fleet.devices().preRegister(ADMIN, new DeviceDraft("SN-" + (++serials), unit.id(), null, null, List.of(), null));
    }

    /** The device as the protocol sees it after authentication. */
    private AuthenticatedDevice signedIn(String deviceId) {
        Device device = fleet.devices().get(ADMIN, deviceId);
        return new AuthenticatedDevice(device.id(), device.ouId(), device.status());
    }

    private CheckInAnswer checkIn(String deviceId, String heldEtag) {
        CheckIns checkIns = fleet.protocol().checkIns();
        return checkIns.checkIn(signedIn(deviceId), new CheckInRequest(DeviceActivity.IDLE, INVENTORY, heldEtag), "10.0.0.7");
    }

    private String issue(CommandType type, String deviceId, CommandPayload payload) {
        IssueReport report = commands.issue(ADMIN, CommandOrder.forDevice(type, deviceId, payload));
        assertThat(report.issued()).isEqualTo(1);
        return report.devices().get(0).commandId();
    }

    private static List<CommandType> typesOf(CheckInAnswer answer) {
        return answer.commands().stream().map(DeviceCommand::type).toList();
    }

    @Test
    void anAdminLocksALostLaptopInOneCallAndItsNextCheckInCarriesOnlyTheLock() {
        String laptop = enrolledLaptop(north);
        String message = issue(CommandType.MESSAGE, laptop, HELLO);

        IssueReport locked = commands.lock(ADMIN, laptop, "置き忘れ / left on a train");

        assertThat(fleet.devices().get(ADMIN, laptop).status()).isEqualTo(DeviceStatus.LOCKED);
        CheckInAnswer answer = checkIn(laptop, null);
        assertThat(answer.state()).isEqualTo(ManagedState.LOCKED);
        assertThat(answer.policy()).isNull();
        assertThat(typesOf(answer)).containsExactly(CommandType.LOCK);
        assertThat(answer.commands().get(0).payload().reason()).isEqualTo("置き忘れ / left on a train");
        assertThat(answer.commands().get(0).id()).isEqualTo(locked.devices().get(0).commandId());
        assertThat(commands.get(ADMIN, message).state()).isEqualTo(CommandState.QUEUED);

        checkIn(laptop, null);
        var contacts = fleet.commands().lostContacts().ofDevice(ADMIN, laptop, new PageRequest(0, 10));
        assertThat(contacts.total()).isEqualTo(2);
        assertThat(contacts.items().get(0).sourceAddress()).isEqualTo("10.0.0.7");
        assertThat(contacts.items().get(0).reportedAddress()).isEqualTo("192.168.10.23");
    }

    @Test
    void anUnlockedLaptopGetsItsPolicyAndTheHeldBackCommandsAgainButNoLock() {
        String laptop = enrolledLaptop(north);
        issue(CommandType.MESSAGE, laptop, HELLO);
        commands.lock(ADMIN, laptop, null);

        commands.unlock(ADMIN, laptop);

        CheckInAnswer answer = checkIn(laptop, null);
        assertThat(answer.state()).isEqualTo(ManagedState.ENROLLED);
        assertThat(answer.policy()).isNotNull();
        assertThat(typesOf(answer)).containsExactly(CommandType.MESSAGE);
    }

    @Test
    void aLaptopWithNothingPendingCostsNoInboxReadAndAPendingCommandBreaksThe304() {
        String laptop = enrolledLaptop(north);
        String etag = checkIn(laptop, null).policyEtag();
        assertThat(fleet.commands().inbox().flagged(laptop)).isFalse();
        assertThat(checkIn(laptop, etag).nothingNew()).isTrue();

        String id = issue(CommandType.REFRESH_POLICY, laptop, null);
        assertThat(fleet.commands().inbox().flagged(laptop)).isTrue();
        CheckInAnswer answer = checkIn(laptop, etag);
        assertThat(answer.notModified()).isTrue();
        assertThat(answer.nothingNew()).isFalse();
        assertThat(answer.commands()).extracting(DeviceCommand::id).containsExactly(id);
        assertThat(commands.get(ADMIN, id).state()).isEqualTo(CommandState.DELIVERED);

        // Not acknowledged: handed over again.
        assertThat(checkIn(laptop, etag).commands()).extracting(DeviceCommand::id).containsExactly(id);
        delivery.acknowledge(signedIn(laptop), id);
        assertThat(fleet.commands().inbox().flagged(laptop)).isFalse();
        assertThat(checkIn(laptop, etag).nothingNew()).isTrue();
    }

    @Test
    void issuingToAUnitCreatesOneCommandPerEnrolledDeviceAndARetryWithTheSameKeyCreatesNone() {
        String first = enrolledLaptop(north);
        String second = enrolledLaptop(north);
        Device neverEnrolled = registered(north);
        Device retired = fleet.devices().retire(ADMIN, registered(north).id(), "broken", null);
        enrolledLaptop(south);
        CommandOrder order = new CommandOrder(CommandType.LOGOUT, null, north.id(), null, 30, "evening-logout-1");

        IssueReport report = commands.issue(ADMIN, order);

        assertThat(report.issued()).isEqualTo(2);
        assertThat(report.devices()).extracting(IssueReport.DeviceOutcome::deviceId, IssueReport.DeviceOutcome::outcome)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(first, IssueReport.Outcome.ISSUED),
                org.assertj.core.groups.Tuple.tuple(second, IssueReport.Outcome.ISSUED),
                org.assertj.core.groups.Tuple.tuple(neverEnrolled.id(), IssueReport.Outcome.SKIPPED),
                org.assertj.core.groups.Tuple.tuple(retired.id(), IssueReport.Outcome.SKIPPED));

        IssueReport retried = commands.issue(ADMIN, order);
        assertThat(retried.issued()).isZero();
        assertThat(retried.devices()).filteredOn(outcome -> outcome.outcome() == IssueReport.Outcome.ALREADY_ISSUED)
            .extracting(IssueReport.DeviceOutcome::commandId)
            .containsExactlyInAnyOrderElementsOf(report.devices().stream()
                .filter(outcome -> outcome.outcome() == IssueReport.Outcome.ISSUED)
                .map(IssueReport.DeviceOutcome::commandId).toList());
        assertThat(commands.search(ADMIN, new CommandQuery(first, null), new PageRequest(0, 10)).total()).isEqualTo(1);
    }

    @Test
    void acknowledgementsAndResultsAreIdempotentButAResultCannotChange() {
        String laptop = enrolledLaptop(north);
        String id = issue(CommandType.REBOOT, laptop, null);
        checkIn(laptop, null);
        AuthenticatedDevice device = signedIn(laptop);

        assertThat(delivery.acknowledge(device, id).state()).isEqualTo(CommandState.ACKED);
        assertThat(delivery.acknowledge(device, id).state()).isEqualTo(CommandState.ACKED);
        CommandResult failed = new CommandResult(false, "not supported");
        assertThat(delivery.report(device, id, failed, "10.0.0.7").state()).isEqualTo(CommandState.FAILED);
        assertThat(delivery.report(device, id, failed, "10.0.0.7").state()).isEqualTo(CommandState.FAILED);
        assertThat(delivery.acknowledge(device, id).state()).isEqualTo(CommandState.FAILED);
        assertThatThrownBy(() -> delivery.report(device, id, new CommandResult(true, "done"), "10.0.0.7"))
            .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("reason", "result-differs");

        Command stored = commands.get(ADMIN, id);
        assertThat(stored.result()).isEqualTo(failed);
        assertThat(stored.deliveredAt()).isNotNull();
        assertThat(stored.ackedAt()).isNotNull();
        assertThat(stored.finishedAt()).isNotNull();
    }

    @Test
    void anotherLaptopCannotAnswerMyCommand() {
        String mine = enrolledLaptop(north);
        String other = enrolledLaptop(north);
        String id = issue(CommandType.REBOOT, mine, null);

        assertThatThrownBy(() -> delivery.acknowledge(signedIn(other), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> delivery.report(signedIn(other), id, new CommandResult(true, null), "x"))
            .isInstanceOf(NotFoundException.class);
        assertThat(commands.get(ADMIN, id).state()).isEqualTo(CommandState.QUEUED);
    }

    @Test
    void aCancelledCommandIsNotDeliveredAndCannotBeCarriedOut() {
        String laptop = enrolledLaptop(north);
        String id = issue(CommandType.WIPE, laptop, null);

        assertThat(commands.cancel(ADMIN, id).state()).isEqualTo(CommandState.CANCELLED);
        assertThat(commands.cancel(ADMIN, id).state()).isEqualTo(CommandState.CANCELLED);

        assertThat(checkIn(laptop, null).commands()).isEmpty();
        assertThatThrownBy(() -> delivery.acknowledge(signedIn(laptop), id))
            .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("reason", "command-closed");
        String done = issue(CommandType.REBOOT, laptop, null);
        delivery.report(signedIn(laptop), done, new CommandResult(true, null), "x");
        assertThatThrownBy(() -> commands.cancel(ADMIN, done))
            .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("reason", "command-not-cancellable");
    }

    @Test
    void aCommandPastItsExpiryIsNotDeliveredButMarkedExpired() {
        String laptop = enrolledLaptop(north);
        String id = commands.issue(ADMIN, new CommandOrder(CommandType.MESSAGE, List.of(laptop), null, HELLO, 5, null))
            .devices().get(0).commandId();

        clock.advance(Duration.ofMinutes(6));

        assertThat(checkIn(laptop, null).commands()).isEmpty();
        assertThat(commands.get(ADMIN, id).state()).isEqualTo(CommandState.EXPIRED);
        assertThat(fleet.commands().inbox().flagged(laptop)).isFalse();
    }

    @Test
    void aBranchAdminCannotCommandOrSeeAnotherBranchesLaptop() {
        String southern = enrolledLaptop(south);
        String id = issue(CommandType.REBOOT, southern, null);
        Actor northAdmin = CoreFixture.branchAdminOf(north.id());

        assertThatThrownBy(() -> commands.issue(northAdmin, CommandOrder.forDevice(CommandType.WIPE, southern, null)))
            .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> commands.lock(northAdmin, southern, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> commands.get(northAdmin, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> commands.cancel(northAdmin, id)).isInstanceOf(NotFoundException.class);
        assertThat(commands.search(northAdmin, new CommandQuery(null, null), new PageRequest(0, 10)).total()).isZero();
        assertThat(fleet.devices().get(ADMIN, southern).status()).isEqualTo(DeviceStatus.ENROLLED);
    }

    @Test
    void aSuccessfulRetireRetiresTheLaptopAndEveryAdminChangeIsInTheAuditChain() {
        String laptop = enrolledLaptop(north);
        String id = issue(CommandType.RETIRE, laptop, null);
        checkIn(laptop, null);

        delivery.report(signedIn(laptop), id, new CommandResult(true, "enrollment forgotten"), "10.0.0.7");

        assertThat(fleet.devices().get(ADMIN, laptop).status()).isEqualTo(DeviceStatus.RETIRED);
        assertThat(fleet.audit().forTarget(ADMIN, id)).extracting("action").containsExactly("command.issue");
        assertThat(fleet.audit().forTarget(ADMIN, laptop)).extracting("action").contains("device.retire");
        assertThat(fleet.audit().verify(ADMIN).intact()).isTrue();
    }

    @Test
    void commandsIssuedOnAnotherInstanceArriveWithTheNextRefresh() {
        String laptop = enrolledLaptop(north);
        CommandInbox otherInstance = new CommandInbox(fleet.store(), new ChangeNotices(fleet.store(), Duration.ZERO),
            Duration.ZERO);

        issue(CommandType.MESSAGE, laptop, HELLO);

        assertThat(otherInstance.flagged(laptop)).isFalse();
        otherInstance.refresh();
        assertThat(otherInstance.flagged(laptop)).isTrue();
        assertThat(otherInstance.commandIdsOf(laptop)).hasSize(1);
    }
}
