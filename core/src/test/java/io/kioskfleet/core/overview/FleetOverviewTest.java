package io.kioskfleet.core.overview;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.checkin.DevicePresence;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.tickets.TicketRepository;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.sessions.UnitSessions;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionStart;
import java.time.temporal.ChronoUnit;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetOverviewTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    OrganisationUnit north;
    OrganisationUnit south;
    FleetOverview overview;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir);
        OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", hq.id(), "南区1", 30));
        overview = new FleetOverview(fleet.devices(), fleet.protocol().presence(), fleet.units(), fleet.sessions().tallies(),
            new TicketRepository(fleet.store()),
            java.time.Clock.systemUTC(), Duration.ofMinutes(15));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private String enrolled(String serial, String ouId) {
        fleet.devices().preRegister(ADMIN, new DeviceDraft(serial, ouId, null, null, List.of(), null));
        String secret = fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(ouId, null, 1, null)).secret();
        return fleet.protocol().enrollment()
            .enroll(new EnrollmentRequest(secret, serial, DeviceKeyPair.generate().publicKeyText(), "1.0"), "10.0.0.1")
            .deviceId();
    }

    private void seen(String deviceId, Instant at) {
        fleet.store().collection("device_presence", DevicePresence.class)
            .insertOne(new DevicePresence(deviceId, at, "10.0.0.1", null, null, null));
    }

    @Test
    void branchesWithLostOrSilentLaptopsComeFirst() {
        seen(enrolled("N-1", north.id()), Instant.now().minusSeconds(60));
        seen(enrolled("N-2", north.id()), Instant.now().minus(Duration.ofHours(3)));
        enrolled("N-3", north.id());
        String lost = enrolled("S-1", south.id());
        seen(enrolled("S-2", south.id()), Instant.now());
        fleet.devices().lock(ADMIN, lost);
        fleet.devices().preRegister(ADMIN, new DeviceDraft("S-3", south.id(), null, null, List.of(), null));

        Overview now = overview.now(ADMIN).orElseThrow();

        assertThat(now.branches()).extracting(BranchStatus::name).containsExactly("南部支所", "北部支所");
        BranchStatus southRow = now.branches().get(0);
        assertThat(southRow).extracting(BranchStatus::locked, BranchStatus::online, BranchStatus::waiting, BranchStatus::devices)
            .containsExactly(1, 1, 1, 3);
        BranchStatus northRow = now.branches().get(1);
        assertThat(northRow).extracting(BranchStatus::online, BranchStatus::silent).containsExactly(1, 2);
        assertThat(now.totals()).extracting(BranchStatus::devices, BranchStatus::online, BranchStatus::silent, BranchStatus::locked)
            .containsExactly(6, 2, 2, 1);
    }

    @Test
    void aBranchAdminSeesTheirBranchAndStaffSeeNothing() {
        enrolled("N-1", north.id());
        enrolled("S-1", south.id());
        assertThat(overview.now(CoreFixture.branchAdminOf(north.id())).orElseThrow().branches())
            .extracting(BranchStatus::name).containsExactly("北部支所");
        assertThat(overview.now(new Actor("staff", Set.of(Role.STAFF), Set.of(), "x"))).isEmpty();
    }

    @Test
    void eachBranchShowsItsRunningSessionsAndThoseEndedToday() {
        AuthenticatedDevice laptop = new AuthenticatedDevice(enrolled("N-1", north.id()), north.id(), DeviceStatus.ENROLLED);
        enrolled("S-1", south.id());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int session = 1; session <= 3; session++) {
            Instant start = now.minusMillis(session); // all on today's date in Tokyo, even just before midnight
            String id = SessionIds.newId(start);
            fleet.sessions().events().start(laptop, new SessionStart(id, null, null, null, start));
            if (session > 1) {
                fleet.sessions().events().end(laptop, id, new SessionEnd(SessionEndReason.USER, now));
            }
        }

        Overview overviewNow = overview.now(ADMIN).orElseThrow();

        BranchStatus northRow = overviewNow.branches().stream().filter(row -> row.ouId().equals(north.id())).findFirst()
            .orElseThrow();
        assertThat(northRow.sessions()).extracting(UnitSessions::active, UnitSessions::started, UnitSessions::ended)
            .containsExactly(1, 3, 2);
        assertThat(overviewNow.totals().sessions().active()).isEqualTo(1);
        assertThat(overviewNow.totals().sessions().ended()).isEqualTo(2);
    }
}
