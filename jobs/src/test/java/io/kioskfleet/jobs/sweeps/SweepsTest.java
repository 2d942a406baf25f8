package io.kioskfleet.jobs.sweeps;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.commands.CommandOrder;
import io.kioskfleet.core.compliance.ComplianceException;
import io.kioskfleet.core.findings.Finding;
import io.kioskfleet.core.findings.FindingKind;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.JobRunState;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduledFire;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.jobs.JobsFixture;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.Inventory;
import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandState;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.SessionState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweeps on the real embedded store, fired as the scheduler fires them. */
class SweepsTest {

    private static final Inventory INVENTORY = new Inventory("ThinBook 14", "KioskOS 3.2", "1.0", null, 80,
        "192.168.10.23", "3F-A-12");

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    JobsFixture jobs;
    OrganisationUnit branch;
    int fires;

    @BeforeEach
    void cityWithABranch() {
        fleet = CoreFixture.open(dataDir, clock);
        jobs = JobsFixture.on(fleet, clock);
        OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        branch = fleet.units().create(ADMIN, new OuDraft("東部支所", hq.id(), "東区1", 40));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private JobRun sweep(ScheduleKind kind, Duration threshold) {
        String runId = jobs.jobs().start(new ScheduledFire("sch_" + kind, kind.name(), kind, null, null, 100, threshold,
            clock.instant().plusMillis(++fires), FireTrigger.ON_TIME, 1));
        return jobs.records().get(runId);
    }

    private String endedSession(String deviceId, Instant started, Instant ended) {
        String id = SessionIds.newId(started);
        fleet.sessions().events().start(jobs.signedIn(deviceId), new SessionStart(id, null, "3F-A-12", null, started));
        fleet.sessions().events().end(jobs.signedIn(deviceId), id, new SessionEnd(SessionEndReason.TIMEOUT, ended));
        return id;
    }

    @Test
    void sessionsEndedLongAgoWithoutAnAttestationBecomeExceptionsOnceAndUnverified() {
        String laptop = jobs.enrolledLaptops(branch, 1).get(0);
        Instant now = clock.instant();
        String forgotten = endedSession(laptop, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)));
        String recent = endedSession(laptop, now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(10)));
        List<ComplianceException> told = new java.util.ArrayList<>();
        jobs.exceptions().whenRaised(told::addAll);

        JobRun first = sweep(ScheduleKind.COMPLIANCE_SWEEP, Duration.ofHours(1));
        JobRun again = sweep(ScheduleKind.COMPLIANCE_SWEEP, Duration.ofHours(1));

        assertThat(first.state()).isEqualTo(JobRunState.COMPLETED);
        assertThat(first.counts().queued()).isEqualTo(1);
        assertThat(again.counts().queued()).isZero();
        assertThat(told).extracting(ComplianceException::sessionId).containsExactly(forgotten);
        assertThat(jobs.exceptions().newestFirst(ADMIN, new PageRequest(0, 10)).items())
            .extracting(ComplianceException::sessionId, ComplianceException::sessionState)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(forgotten, SessionState.UNVERIFIED));
        assertThat(fleet.sessions().ledger().get(ADMIN, forgotten).session().state()).isEqualTo(SessionState.UNVERIFIED);
        assertThat(fleet.sessions().ledger().get(ADMIN, recent).session().state()).isEqualTo(SessionState.ENDED);
    }

    @Test
    void aSessionThatNeverEndedLongAfterItsPolicysLongestSessionBecomesAnExceptionOnce() {
        String laptop = jobs.enrolledLaptops(branch, 1).get(0);
        Instant now = clock.instant();
        // The default policy ends a session after 240 minutes; the sweep's threshold is the grace.
        String lost = startedSession(laptop, now.minus(Duration.ofHours(6)));
        String running = startedSession(laptop, now.minus(Duration.ofHours(4)));
        List<ComplianceException> told = new java.util.ArrayList<>();
        jobs.exceptions().whenRaised(told::addAll);

        JobRun first = sweep(ScheduleKind.COMPLIANCE_SWEEP, Duration.ofHours(1));
        JobRun again = sweep(ScheduleKind.COMPLIANCE_SWEEP, Duration.ofHours(1));

        assertThat(first.counts().queued()).isEqualTo(1);
        assertThat(first.detail()).contains("never ended");
        assertThat(again.counts().queued()).isZero();
        assertThat(told).extracting(ComplianceException::sessionId, ComplianceException::sessionState,
                ComplianceException::sessionEndedAt)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(lost, SessionState.STARTED, null));
        assertThat(fleet.sessions().ledger().get(ADMIN, lost).session().state()).isEqualTo(SessionState.STARTED);
        assertThat(fleet.sessions().ledger().get(ADMIN, running).session().state()).isEqualTo(SessionState.STARTED);
    }

    private String startedSession(String deviceId, Instant started) {
        String id = SessionIds.newId(started);
        fleet.sessions().events().start(jobs.signedIn(deviceId), new SessionStart(id, null, "3F-A-12", null, started));
        return id;
    }

    @Test
    void devicesSilentTooLongAreFlaggedUntilTheyCheckInAgain() {
        List<String> laptops = jobs.enrolledLaptops(branch, 2);
        fleet.protocol().checkIns().checkIn(jobs.signedIn(laptops.get(0)),
            new CheckInRequest(DeviceActivity.IDLE, INVENTORY, null), "10.0.0.7");
        fleet.protocol().presenceWriter().flush();
        clock.advance(Duration.ofHours(30));
        fleet.protocol().checkIns().checkIn(jobs.signedIn(laptops.get(1)),
            new CheckInRequest(DeviceActivity.IDLE, INVENTORY, null), "10.0.0.8");
        fleet.protocol().presenceWriter().flush();

        JobRun run = sweep(ScheduleKind.STALE_DEVICE_SWEEP, Duration.ofHours(24));

        assertThat(run.counts().targets()).isEqualTo(2);
        assertThat(jobs.findings().list(ADMIN, FindingKind.SILENT_DEVICE, new PageRequest(0, 10)).items())
            .extracting(Finding::deviceId).containsExactly(laptops.get(0));
        fleet.protocol().checkIns().checkIn(jobs.signedIn(laptops.get(0)),
            new CheckInRequest(DeviceActivity.IDLE, INVENTORY, null), "10.0.0.7");
        fleet.protocol().presenceWriter().flush();
        sweep(ScheduleKind.STALE_DEVICE_SWEEP, Duration.ofHours(24));
        assertThat(jobs.findings().count(ADMIN, FindingKind.SILENT_DEVICE)).isZero();
    }

    @Test
    void commandsNotAcknowledgedInTimeAreEscalatedThenExpired() {
        String laptop = jobs.enrolledLaptops(branch, 1).get(0);
        String commandId = fleet.commands().admin().issue(ADMIN, new CommandOrder(CommandType.REBOOT, List.of(laptop),
            null, CommandPayload.NONE, 120, null)).devices().get(0).commandId();

        clock.advance(Duration.ofMinutes(45));
        JobRun escalated = sweep(ScheduleKind.COMMAND_ESCALATION, Duration.ofMinutes(30));
        assertThat(escalated.counts().queued()).isEqualTo(1);
        assertThat(jobs.findings().list(ADMIN, FindingKind.OVERDUE_COMMAND, new PageRequest(0, 10)).items())
            .extracting(Finding::subjectId).containsExactly(commandId);

        clock.advance(Duration.ofHours(2));
        JobRun expired = sweep(ScheduleKind.COMMAND_ESCALATION, Duration.ofMinutes(30));
        assertThat(expired.detail()).contains("1 expired");
        assertThat(fleet.commands().admin().get(ADMIN, commandId).state()).isEqualTo(CommandState.EXPIRED);
        assertThat(jobs.findings().count(ADMIN, FindingKind.OVERDUE_COMMAND)).isZero();
        assertThat(fleet.commands().inbox().flagged(laptop)).isFalse();
    }

    @Test
    void theRetentionPurgeDropsMonthsPastRetentionAndRecordsEachDrop() {
        fleet.store().collection("sessions_2024_01", Document.class).insertOne(new Document("_id", "ses_old"));
        fleet.store().collection("attestations_2024_01", Document.class).insertOne(new Document("_id", "ses_old"));
        String laptop = jobs.enrolledLaptops(branch, 1).get(0);
        endedSession(laptop, clock.instant().minus(Duration.ofHours(2)), clock.instant().minus(Duration.ofHours(1)));

        JobRun run = sweep(ScheduleKind.RETENTION_PURGE, Duration.ofDays(400));

        assertThat(run.detail()).startsWith("dropped").contains("sessions_2024_01", "attestations_2024_01");
        List<String> names = fleet.store().database().listCollectionNames().into(new java.util.ArrayList<>());
        assertThat(names).doesNotContain("sessions_2024_01", "attestations_2024_01").anyMatch(name -> name.startsWith("sessions_20"));
        assertThat(fleet.audit().forTarget(ADMIN, "sessions_2024_01")).extracting(event -> event.action())
            .containsExactly("retention.purge");
    }
}
