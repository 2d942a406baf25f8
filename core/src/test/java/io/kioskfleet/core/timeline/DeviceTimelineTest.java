package io.kioskfleet.core.timeline;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.commands.CommandOrder;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.faults.DeviceFaults;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.sessions.AttestationRefusedException;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.tickets.Ticket;
import io.kioskfleet.core.tickets.TicketCategory;
import io.kioskfleet.core.tickets.TicketDesk;
import io.kioskfleet.core.tickets.TicketDraft;
import io.kioskfleet.core.tickets.TicketState;
import io.kioskfleet.core.tickets.Tickets;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.sessions.ErasedArea;
import io.kioskfleet.protocol.sessions.RemainingManifest;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import io.kioskfleet.protocol.signing.AttestationSignature;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device's timeline on the real embedded store, as each role reads it. */
class DeviceTimelineTest {

    static final Actor HELPDESK = new Actor("sato", Set.of(Role.HELPDESK), Set.of(), "10.0.0.1");
    static final Actor AUDITOR = new Actor("kansa", Set.of(Role.AUDITOR), Set.of(), "10.0.0.2");

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    Tickets tickets;
    DeviceTimeline timeline;
    OrganisationUnit north;
    OrganisationUnit south;
    DeviceKeyPair keys;
    AuthenticatedDevice laptop;

    @BeforeEach
    void anEnrolledLaptopInTheNorthBranch() {
        fleet = CoreFixture.open(dataDir, clock);
        tickets = TicketDesk.on(fleet, clock).tickets();
        timeline = new DeviceTimeline(fleet.devices(), fleet.audit(), fleet.commands().admin(), fleet.sessions().ledger(),
            new DeviceFaults(fleet.store(), fleet.devices(), clock), fleet.protocol().presence(), tickets, clock);
        OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 60));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", hq.id(), "南区1", 60));
        fleet.devices().preRegister(ADMIN, new DeviceDraft("SN-1", north.id(), null, null, List.of(), null));
        String secret = fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(north.id(), null, 1, null)).secret();
        keys = DeviceKeyPair.generate();
        String id = fleet.protocol().enrollment()
            .enroll(new EnrollmentRequest(secret, "SN-1", keys.publicKeyText(), "1.0"), "10.0.0.1").deviceId();
        laptop = new AuthenticatedDevice(id, north.id(), DeviceStatus.ENROLLED);
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    /** A session that started {@code daysAgo} days ago and ended 50 minutes later. */
    private String endedSession(int daysAgo) {
        Instant start = clock.instant().minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(1));
        String id = SessionIds.newId(start);
        fleet.sessions().events().start(laptop, new SessionStart(id, null, "3F-A-12", null, start));
        fleet.sessions().events().end(laptop, id, new SessionEnd(SessionEndReason.TIMEOUT, start.plus(Duration.ofMinutes(50))));
        return id;
    }

    private WipeAttestation wipeSignedBy(DeviceKeyPair signer, String sessionId) {
        Instant wipe = clock.instant().minus(Duration.ofMinutes(5));
        return AttestationSignature.sign(signer, new WipeAttestation(sessionId, laptop.deviceId(), wipe, wipe.plusSeconds(3),
            List.of(new ErasedArea("${downloads}", 2, 2048)), List.of(), List.of(), RemainingManifest.digestOf(List.of()),
            true, null));
    }

    @Test
    void aDevicesChangesAndCommandsAreOneListNewestFirst() {
        fleet.commands().admin().issue(ADMIN, new CommandOrder(CommandType.REBOOT, List.of(laptop.deviceId()), null, null, null, null));

        List<TimelineEntry> entries = timeline.of(ADMIN, laptop.deviceId());

        assertThat(entries).extracting(TimelineEntry::kind).contains("change", "command");
        assertThat(entries).filteredOn(entry -> entry.kind().equals("command"))
            .extracting(TimelineEntry::what, TimelineEntry::detail).containsExactly(tuple("REBOOT", "QUEUED"));
        assertThat(entries).isSortedAccordingTo(Comparator.comparing(TimelineEntry::at).reversed());
    }

    @Test
    void aVerifiedWipeAndARefusedProofOfTheLastThirtyDaysStandBesideTheirSessions() {
        String verified = endedSession(1);
        fleet.sessions().attestations().receive(laptop, verified, wipeSignedBy(keys, verified), "10.0.0.1");
        String forged = endedSession(2);
        assertThatThrownBy(() -> fleet.sessions().attestations()
            .receive(laptop, forged, wipeSignedBy(DeviceKeyPair.generate(), forged), "10.0.0.1"))
            .isInstanceOf(AttestationRefusedException.class);
        String longAgo = endedSession(45);

        List<TimelineEntry> entries = timeline.of(AUDITOR, laptop.deviceId());

        assertThat(entries).filteredOn(entry -> entry.kind().equals("attestation"))
            .extracting(TimelineEntry::what, TimelineEntry::detail, TimelineEntry::ref)
            .containsExactly(tuple("VERIFIED", null, verified), tuple("REFUSED", "bad-signature", forged));
        assertThat(entries).filteredOn(entry -> entry.kind().equals("session")).extracting(TimelineEntry::ref)
            .containsExactly(verified, forged).doesNotContain(longAgo);
    }

    @Test
    void ticketsAboutTheDeviceShowWhenTheyWereOpenedClaimedAndResolvedToThoseWhoHandleTickets() {
        Ticket ticket = tickets.raise(HELPDESK, new TicketDraft("画面が映らない", null, null, TicketCategory.HARDWARE,
            laptop.deviceId(), null, null, null));
        clock.advance(Duration.ofMinutes(10));
        tickets.claim(HELPDESK, ticket.id());
        clock.advance(Duration.ofMinutes(10));
        tickets.move(HELPDESK, ticket.id(), TicketState.RESOLVED, "再起動で解決");

        assertThat(timeline.of(HELPDESK, laptop.deviceId())).filteredOn(entry -> entry.kind().equals("ticket"))
            .extracting(TimelineEntry::what, TimelineEntry::detail, TimelineEntry::ref)
            .containsExactly(tuple("RESOLVED", "画面が映らない", ticket.id()), tuple("CLAIMED", "sato", ticket.id()),
                tuple("OPENED", "画面が映らない", ticket.id()));
        assertThat(timeline.of(AUDITOR, laptop.deviceId())).extracting(TimelineEntry::kind).doesNotContain("ticket");
    }

    @Test
    void aBranchAdminOfAnotherBranchCannotReadTheTimeline() {
        fleet.commands().admin().issue(ADMIN, new CommandOrder(CommandType.LOGOUT, List.of(laptop.deviceId()), null, null, null, null));

        assertThatThrownBy(() -> timeline.of(CoreFixture.branchAdminOf(south.id()), laptop.deviceId()))
            .isInstanceOf(NotFoundException.class);
        assertThat(timeline.of(CoreFixture.branchAdminOf(north.id()), laptop.deviceId())).extracting(TimelineEntry::what)
            .contains("LOGOUT");
    }
}
