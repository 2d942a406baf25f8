package io.kioskfleet.core.tickets;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.faults.DeviceFaults;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.compliance.ComplianceException;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import io.kioskfleet.core.findings.Finding;
import io.kioskfleet.core.findings.FindingKind;
import io.kioskfleet.core.findings.OpenFindings;
import io.kioskfleet.protocol.sessions.SessionState;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.users.UserDraft;
import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.commands.CommandState;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.faults.FaultCategory;
import io.kioskfleet.protocol.faults.FaultReport;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

/** Tickets on the real embedded store: claiming, handing over, transitions, remote actions, automatic tickets. */
class TicketsTest {

    static final Actor HELPDESK_SATO = new Actor("sato", Set.of(Role.HELPDESK), Set.of(), "10.0.0.1");
    static final Actor HELPDESK_SUZUKI = new Actor("suzuki", Set.of(Role.HELPDESK), Set.of(), "10.0.0.2");
    static final Actor STAFF_TANAKA = new Actor("tanaka", Set.of(Role.STAFF), Set.of(), "10.0.0.3");
    static final Actor STAFF_ITO = new Actor("ito", Set.of(Role.STAFF), Set.of(), "10.0.0.4");

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    Tickets tickets;
    AutomaticTickets automatic;
    DeviceFaults faults;
    OrganisationUnit north;
    OrganisationUnit south;
    int serials;

    @BeforeEach
    void fleetWithTwoBranches() {
        fleet = CoreFixture.open(dataDir, clock);
        TicketDesk desk = TicketDesk.on(fleet, clock);
        TicketRepository repository = desk.repository();
        tickets = desk.tickets();
        automatic = new AutomaticTickets(tickets, repository, fleet.devices(), fleet.audit(), clock);
        faults = new DeviceFaults(fleet.store(), fleet.devices(), clock);
        automatic.listenTo(faults, fleet.sessions().attestations(), fleet.commands().delivery());
        OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 120));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", hq.id(), "南区1", 45));
        fleet.users().create(ADMIN, new UserDraft("suzuki", "long-enough-password", Set.of(Role.HELPDESK), Set.of()));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private Device laptopAt(OrganisationUnit unit) {
        return fleet.devices().preRegister(ADMIN, new DeviceDraft("SN-" + (++serials), unit.id(), null, null, List.of(), null));
    }

    private String enrolledLaptopAt(OrganisationUnit unit) {
        String serial = laptopAt(unit).serial();
        String secret = fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(unit.id(), null, 1, null)).secret();
        return fleet.protocol().enrollment().enroll(new EnrollmentRequest(secret, serial,
            DeviceKeyPair.generate().publicKeyText(), "1.0"), "10.0.0.1").deviceId();
    }

    private Ticket staffReport(Actor staff, Device device) {
        return tickets.raise(staff, new TicketDraft("画面が映らない", "朝から真っ暗です", null, TicketCategory.HARDWARE,
            null, device.serial(), "3F-A-12", null));
    }

    @Test
    void twoHelpdeskStaffClaimingAtOnceLeavesExactlyOneHandlerAndTheOtherIsToldWho() throws Exception {
        Ticket ticket = staffReport(STAFF_TANAKA, laptopAt(north));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<String>> claims = List.of(
            () -> tickets.claim(HELPDESK_SATO, ticket.id()).handler(),
            () -> tickets.claim(HELPDESK_SUZUKI, ticket.id()).handler());
        List<String> outcomes = new ArrayList<>();
        for (Future<String> claim : pool.invokeAll(claims)) {
            try {
                outcomes.add(claim.get());
            } catch (java.util.concurrent.ExecutionException refused) {
                assertThat(refused.getCause()).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("already handled by");
                outcomes.add("refused");
            }
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyOnce("refused");
        String handler = tickets.get(HELPDESK_SATO, ticket.id()).view().ticket().handler();
        assertThat(outcomes).contains(handler);
        assertThat(tickets.get(HELPDESK_SUZUKI, ticket.id()).history()).extracting(line -> line.entry().kind())
            .containsExactly(EntryKind.RAISED, EntryKind.CLAIMED);
    }

    @Test
    void closingAnUnclaimedTicketOrClaimingAClaimedOneIsRefusedWithTheReason() {
        Ticket ticket = staffReport(STAFF_TANAKA, laptopAt(north));

        assertThatThrownBy(() -> tickets.move(HELPDESK_SATO, ticket.id(), TicketState.RESOLVED, null))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo("ticket-unclaimed"));
        tickets.claim(HELPDESK_SATO, ticket.id());
        assertThatThrownBy(() -> tickets.claim(HELPDESK_SUZUKI, ticket.id()))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo("ticket-claimed"));
        assertThatThrownBy(() -> tickets.move(HELPDESK_SATO, ticket.id(), TicketState.CLOSED, null))
            .isInstanceOfSatisfying(ConflictException.class, e -> {
                assertThat(e.reason()).isEqualTo("invalid-transition");
                assertThat(e.getMessage()).contains("NEW cannot move to CLOSED");
            });
    }

    @Test
    void aHandOverKeepsEveryCommentAndStateChangeForTheNextHandler() {
        Ticket ticket = staffReport(STAFF_TANAKA, laptopAt(north));
        tickets.claim(HELPDESK_SATO, ticket.id());
        tickets.comment(HELPDESK_SATO, ticket.id(), "電源ケーブルを確認してもらう");
        tickets.move(HELPDESK_SATO, ticket.id(), TicketState.WAITING, "支所の連絡待ち");

        tickets.handOver(HELPDESK_SATO, ticket.id(), "suzuki", "異動のため引き継ぎ");
        tickets.comment(STAFF_TANAKA, ticket.id(), "ケーブルは挿さっていました");

        TicketDetails details = tickets.get(HELPDESK_SUZUKI, ticket.id());
        assertThat(details.view().ticket().handler()).isEqualTo("suzuki");
        assertThat(details.history()).extracting(line -> line.entry().kind()).containsExactly(EntryKind.RAISED,
            EntryKind.CLAIMED, EntryKind.COMMENT, EntryKind.STATE, EntryKind.HANDED_OVER, EntryKind.COMMENT);
        assertThat(details.history()).extracting(line -> line.entry().by())
            .containsExactly("tanaka", "sato", "sato", "sato", "sato", "tanaka");
        assertThatThrownBy(() -> tickets.move(HELPDESK_SATO, ticket.id(), TicketState.RESOLVED, null))
            .isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.reason()).isEqualTo("ticket-handled-by-other"));
    }

    @Test
    void staffSeeOnlyTheirOwnTicketsAndBranchAdminsOnlyTheirBranches() {
        Ticket northTicket = staffReport(STAFF_TANAKA, laptopAt(north));
        staffReport(STAFF_ITO, laptopAt(south));

        assertThat(tickets.queue(STAFF_TANAKA, TicketQuery.OPEN)).extracting(view -> view.ticket().id())
            .containsExactly(northTicket.id());
        assertThatThrownBy(() -> tickets.get(STAFF_ITO, northTicket.id())).isInstanceOf(NotFoundException.class);
        Actor southAdmin = CoreFixture.branchAdminOf(south.id());
        assertThat(tickets.queue(southAdmin, TicketQuery.OPEN)).extracting(view -> view.ticket().ouId())
            .containsOnly(south.id());
        assertThatThrownBy(() -> tickets.claim(southAdmin, northTicket.id())).isInstanceOf(NotFoundException.class);
        assertThat(tickets.queue(HELPDESK_SATO, TicketQuery.OPEN)).hasSize(2);
    }

    @Test
    void aRemoteLogoutFromTheTicketShowsTheDevicesAnswerInTheHistory() {
        String laptop = enrolledLaptopAt(north);
        Ticket ticket = tickets.raise(HELPDESK_SATO, new TicketDraft("ログアウトできない", null, TicketPriority.P2,
            TicketCategory.SESSION, laptop, null, null, null));
        tickets.claim(HELPDESK_SATO, ticket.id());

        Ticket acted = tickets.remoteAction(HELPDESK_SATO, ticket.id(), CommandType.LOGOUT, CommandPayload.NONE);
        String commandId = acted.commandIds().get(0);
        assertThat(acted.state()).isEqualTo(TicketState.REMOTE_ACTION);
        assertThat(tickets.get(HELPDESK_SATO, ticket.id()).history().get(2).commandState()).isEqualTo(CommandState.QUEUED);

        fleet.commands().delivery().report(new AuthenticatedDevice(laptop, north.id(), fleet.devices().get(ADMIN, laptop).status()),
            commandId, new CommandResult(true, "logged out"), "10.0.0.9");

        HistoryLine line = tickets.get(HELPDESK_SATO, ticket.id()).history().get(2);
        assertThat(line.entry().commandType()).isEqualTo(CommandType.LOGOUT);
        assertThat(line.commandState()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(line.commandResult().detail()).isEqualTo("logged out");
        tickets.move(HELPDESK_SATO, ticket.id(), TicketState.RESOLVED, "リモートで解決");
        assertThat(tickets.remoteResolution(HELPDESK_SATO, null, null)).singleElement()
            .satisfies(branch -> {
                assertThat(branch.name()).isEqualTo("北部支所");
                assertThat(branch.resolvedRemotely()).isEqualTo(1);
                assertThat(branch.remoteRate()).isEqualTo(1.0);
            });
    }

    @Test
    void aFaultReportedTwiceIsOneTicketWithTwoOccurrencesAndANewOneAfterClosing() {
        String laptop = enrolledLaptopAt(north);
        AuthenticatedDevice device = new AuthenticatedDevice(laptop, north.id(), fleet.devices().get(ADMIN, laptop).status());
        faults.report(device, new FaultReport("report-0001", FaultCategory.NETWORK, "disk full", null, null),
            "10.0.0.9");
        faults.report(device, new FaultReport("report-0002", FaultCategory.NETWORK, "disk full again", null,
            null), "10.0.0.9");

        List<TicketView> open = tickets.queue(HELPDESK_SATO, new TicketQuery(null, null, null, null, laptop));
        assertThat(open).singleElement().satisfies(view -> {
            assertThat(view.ticket().cause()).isEqualTo(AutomaticCause.DEVICE_FAULT);
            assertThat(view.ticket().occurrences()).isEqualTo(2);
        });
        String first = open.get(0).ticket().id();
        tickets.claim(HELPDESK_SATO, first);
        tickets.move(HELPDESK_SATO, first, TicketState.RESOLVED, null);
        assertThat(automatic.raise(AutomaticCause.DEVICE_FAULT, laptop, "disk full").id()).isEqualTo(first);
        assertThat(tickets.get(HELPDESK_SATO, first).view().ticket().state()).isEqualTo(TicketState.TRIAGED);
        tickets.move(HELPDESK_SATO, first, TicketState.RESOLVED, null);
        tickets.move(HELPDESK_SATO, first, TicketState.CLOSED, null);

        Ticket next = automatic.raise(AutomaticCause.DEVICE_FAULT, laptop, "disk full");

        assertThat(next.id()).isNotEqualTo(first);
        assertThat(next.occurrences()).isEqualTo(1);
    }

    @Test
    void concurrentAutomaticRaisesForOneCauseAndDeviceMergeIntoOneTicket() throws Exception {
        String laptop = laptopAt(south).id();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<String>> raises = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            raises.add(() -> automatic.raise(AutomaticCause.DEVICE_SILENT, laptop, "silent for 3 days").id());
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> raised : pool.invokeAll(raises)) {
            ids.add(raised.get());
        }
        pool.shutdown();

        assertThat(ids).containsOnly(ids.get(0));
        Ticket ticket = tickets.get(HELPDESK_SATO, ids.get(0)).view().ticket();
        assertThat(ticket.occurrences()).isEqualTo(8);
        assertThat(tickets.get(HELPDESK_SATO, ticket.id()).history()).hasSize(8);
    }

    @Test
    void whatTheSweepsFindRaisesOneTicketEachTheFirstTimeItIsFound() {
        String laptop = laptopAt(north).id();
        SweepOutputs outputs = sweepOutputsRaisingTickets();
        ComplianceExceptions exceptions = outputs.exceptions();
        OpenFindings findings = outputs.findings();
        ComplianceException unproven = new ComplianceException("ses_1", laptop, north.id(), SessionState.UNVERIFIED,
            clock.instant().minusSeconds(7200), clock.instant(), "run_1");
        Finding silent = Finding.of(FindingKind.SILENT_DEVICE, laptop, laptop, north.id(),
            clock.instant().minusSeconds(86_400), clock.instant(), "run_2");

        exceptions.record(List.of(unproven));
        exceptions.followUp();
        exceptions.record(List.of(unproven));
        exceptions.followUp();
        findings.replace(FindingKind.SILENT_DEVICE, List.of(silent));
        findings.replace(FindingKind.SILENT_DEVICE, List.of(silent));

        List<TicketView> open = tickets.queue(HELPDESK_SATO, new TicketQuery(null, null, null, null, laptop));
        assertThat(open).extracting(view -> view.ticket().cause())
            .containsExactlyInAnyOrder(AutomaticCause.UNVERIFIED_WIPE, AutomaticCause.DEVICE_SILENT);
        assertThat(open).allSatisfy(view -> assertThat(view.ticket().occurrences()).isEqualTo(1));
    }

    /** Where the sweeps put what they find, each new item raising a ticket. */
    private record SweepOutputs(ComplianceExceptions exceptions, OpenFindings findings) {
    }

    private SweepOutputs sweepOutputsRaisingTickets() {
        ComplianceExceptions exceptions = new ComplianceExceptions(fleet.store());
        OpenFindings findings = new OpenFindings(fleet.store());
        new io.kioskfleet.core.store.IndexBootstrap(fleet.store()).createAll(List.of(exceptions, findings));
        automatic.listenTo(exceptions, findings);
        return new SweepOutputs(exceptions, findings);
    }

    @Test
    void aSessionThatNeverEndedRaisesAnUnverifiedWipeTicketSayingSo() {
        String laptop = laptopAt(north).id();
        ComplianceExceptions exceptions = sweepOutputsRaisingTickets().exceptions();

        exceptions.record(List.of(new ComplianceException("ses_lost", laptop, north.id(), SessionState.STARTED, null,
            clock.instant(), "run_1")));
        exceptions.followUp();

        List<TicketView> open = tickets.queue(HELPDESK_SATO, new TicketQuery(null, null, null, null, laptop));
        assertThat(open).extracting(view -> view.ticket().cause()).containsExactly(AutomaticCause.UNVERIFIED_WIPE);
        assertThat(open.get(0).ticket().title()).isEqualTo("session ses_lost never ended, so no wipe was proven");
    }

    @Test
    void theFollowUpRaisesOneTicketPerDeviceNamingItsUnprovenSessionsAndSkipsAnUnknownDevice() {
        String busy = laptopAt(north).id();
        String quiet = laptopAt(south).id();
        ComplianceExceptions exceptions = sweepOutputsRaisingTickets().exceptions();
        Instant ended = clock.instant().minusSeconds(7200);

        exceptions.record(List.of(
            new ComplianceException("ses_a", busy, north.id(), SessionState.UNVERIFIED, ended, clock.instant(), "run_1"),
            new ComplianceException("ses_gone", "dev_removed", north.id(), SessionState.UNVERIFIED, ended, clock.instant(),
                "run_1"),
            new ComplianceException("ses_b", busy, north.id(), SessionState.UNVERIFIED, ended, clock.instant(), "run_1"),
            new ComplianceException("ses_c", quiet, south.id(), SessionState.UNVERIFIED, ended, clock.instant(), "run_1"),
            new ComplianceException("ses_d", busy, north.id(), SessionState.STARTED, null, clock.instant(), "run_1")));
        int followedUp = exceptions.followUp();

        assertThat(followedUp).isEqualTo(5);
        assertThat(exceptions.waitingForFollowUp()).isZero();
        List<TicketView> onBusy = tickets.queue(HELPDESK_SATO, new TicketQuery(null, null, null, null, busy));
        assertThat(onBusy).singleElement().satisfies(view -> {
            assertThat(view.ticket().cause()).isEqualTo(AutomaticCause.UNVERIFIED_WIPE);
            assertThat(view.ticket().occurrences()).isEqualTo(1);
            assertThat(view.ticket().title()).startsWith("no verified wipe for 3 sessions: ses_a (ended ")
                .contains("ses_b (ended ", "ses_d (never ended)");
        });
        assertThat(tickets.queue(HELPDESK_SATO, new TicketQuery(null, null, null, null, quiet)))
            .singleElement().satisfies(view -> assertThat(view.ticket().title()).startsWith("no verified wipe for session ses_c"));
    }

    @Test
    void anOnSiteVisitShowsTheSitesTravelTimeAndCountsAgainstTheRemoteRate() {
        Ticket ticket = staffReport(STAFF_TANAKA, laptopAt(north));
        tickets.claim(HELPDESK_SATO, ticket.id());

        Ticket planned = tickets.planVisit(HELPDESK_SATO, ticket.id(), LocalDate.of(2026, 12, 1), "山田", "交換用の電源");

        assertThat(planned.state()).isEqualTo(TicketState.ON_SITE_VISIT);
        assertThat(planned.visit().travelMinutes()).isEqualTo(120);
        tickets.move(HELPDESK_SATO, ticket.id(), TicketState.RESOLVED, null);
        assertThat(tickets.remoteResolution(HELPDESK_SATO, null, null)).singleElement().satisfies(branch -> {
            assertThat(branch.visits()).isEqualTo(1);
            assertThat(branch.remoteRate()).isZero();
            assertThat(branch.travelMinutesSpent()).isEqualTo(240);
        });
    }

    @Test
    void theQueueShowsTheTicketNearestToBreachingFirstAndFlagsBreaches() {
        Ticket p4 = tickets.raise(HELPDESK_SATO, new TicketDraft("質問", null, TicketPriority.P4, null, null, null, null,
            north.id()));
        Ticket p1 = tickets.raise(HELPDESK_SATO, new TicketDraft("支所全体が使えない", null, TicketPriority.P1, null, null,
            null, null, north.id()));

        assertThat(tickets.queue(HELPDESK_SATO, TicketQuery.OPEN)).extracting(view -> view.ticket().id())
            .containsExactly(p1.id(), p4.id());
        clock.advance(Duration.ofDays(4));
        TicketView late = tickets.queue(HELPDESK_SATO, TicketQuery.OPEN).get(0);
        assertThat(late.sla().breached()).isTrue();
        assertThat(late.sla().businessMinutesLeft()).isNegative();
    }

    @Test
    void theDashboardCountsEachBranchsOpenTicketsUntilTheyAreClosed() {
        raiseAt(north);
        raiseAt(north);
        String done = raiseAt(south);
        tickets.claim(HELPDESK_SATO, done);
        tickets.move(HELPDESK_SATO, done, TicketState.RESOLVED, null);
        TicketRepository repository = new TicketRepository(fleet.store());
        assertThat(repository.openByUnit()).isEqualTo(java.util.Map.of(north.id(), 2, south.id(), 1));

        tickets.move(HELPDESK_SATO, done, TicketState.CLOSED, null);
        assertThat(repository.openByUnit()).isEqualTo(java.util.Map.of(north.id(), 2));
    }

    private String raiseAt(OrganisationUnit unit) {
        return tickets.raise(HELPDESK_SATO, new TicketDraft("プリンタが使えない", null, TicketPriority.P3, null, null, null,
            null, unit.id())).id();
    }
}
