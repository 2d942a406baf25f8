package io.kioskfleet.jobs.reports;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.evidence.EvidenceSigningKey;
import io.kioskfleet.core.evidence.ReportFile;
import io.kioskfleet.core.evidence.ReportPeriod;
import io.kioskfleet.core.evidence.ScheduledReport;
import io.kioskfleet.core.evidence.ScheduledReports;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.JobRunState;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleTarget;
import io.kioskfleet.core.schedules.ScheduledFire;
import io.kioskfleet.jobs.JobsFixture;
import io.kioskfleet.jobs.ScheduledJobs;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.signing.EvidenceSignature;
import io.kioskfleet.protocol.signing.ServerKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An EVIDENCE_REPORT schedule's fire keeps the previous period's signed report, on the real embedded store. */
class ScheduledEvidenceReportTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 00:30 on 23 November in Tokyo: the nightly report of the 22nd. */
    static final Instant NIGHTLY = Instant.parse("2026-11-22T15:30:00Z");
    static final Actor AUDITOR = new Actor("auditor", Set.of(Role.AUDITOR), Set.of(), "127.0.0.1");

    @TempDir
    Path dataDir;
    final SettableClock clock = SettableClock.at(NIGHTLY);
    CoreFixture fleet;
    JobsFixture jobs;
    ScheduledReports reports;
    ScheduledJobs work;
    EvidenceSigningKey key;
    OrganisationUnit north;
    OrganisationUnit south;

    @BeforeEach
    void twoBranchesWithSessionsOnTwoDays() {
        fleet = CoreFixture.open(dataDir, clock);
        jobs = JobsFixture.on(fleet, clock);
        OrganisationUnit cityHall = fleet.units().create(ADMIN, new OuDraft("本庁", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", cityHall.id(), "北区1", 30));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", cityHall.id(), "北区1", 30));
        key = EvidenceSigningKey.inDirectory(dataDir); // the key the fixture's reports are signed with
        reports = jobs.reports();
        work = jobs.jobs(); // schedules in Asia/Tokyo
        AuthenticatedDevice northLaptop = laptopIn(north);
        session(northLaptop, Instant.parse("2026-11-22T01:00:00Z")); // 10:00 on the 22nd in Tokyo
        session(northLaptop, Instant.parse("2026-11-22T05:00:00Z"));
        session(northLaptop, Instant.parse("2026-11-21T01:00:00Z")); // the day before: not in the report
        session(laptopIn(south), Instant.parse("2026-11-22T02:00:00Z")); // another branch
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void aNightlyFireKeepsYesterdaysSignedReportForItsBranchAndTheRunSaysWhatItMade() {
        String runId = work.start(fire(new ScheduleTarget(List.of(north.id()), List.of(), List.of())));

        JobRun run = jobs.records().get(runId);
        assertThat(run.state()).isEqualTo(JobRunState.COMPLETED);
        assertThat(run.detail()).startsWith("evidence report DAY 2026-11-21T15:00:00Z/2026-11-22T15:00:00Z: 2 sessions, ");
        ScheduledReport report = reports.newestFirst(AUDITOR, 10).get(0);
        assertThat(report.id()).isEqualTo(runId);
        assertThat(report.period()).isEqualTo(ReportPeriod.DAY);
        assertThat(report.ouIds()).containsExactly(north.id());
        assertThat(report.sessions()).isEqualTo(2);
        assertThat(report.gaps()).as("both sessions lack a wipe proof").isGreaterThanOrEqualTo(2);

        byte[] publicKey = ServerKeys.fromPem(key.publicKeyPem());
        for (String format : List.of("csv", "pdf")) {
            ReportFile file = reports.file(AUDITOR, runId, format);
            assertThat(file.fileName()).isEqualTo("evidence-2026-11-22-day." + format);
            EvidenceSignature signature = EvidenceSignature.parse(file.signature());
            assertThat(signature.verifies(publicKey, file.content())).as(format).isTrue();
            byte[] altered = file.content().clone();
            altered[altered.length / 2] ^= 1;
            assertThat(signature.verifies(publicKey, altered)).isFalse();
        }
        String csv = new String(reports.file(AUDITOR, runId, "csv").content(), StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("2026-11-21T01:00:00Z");
    }

    @Test
    void aWeeklyScheduleReportsLastMondayToMondayOfTheWholeFleet() {
        storeSchedule(ReportPeriod.WEEK, null);
        String runId = work.start(fire(ScheduleTarget.wholeFleet()));

        ScheduledReport report = reports.newestFirst(ADMIN, 10).get(0);
        assertThat(report.id()).isEqualTo(runId);
        assertThat(report.period()).isEqualTo(ReportPeriod.WEEK);
        assertThat(report.from()).isEqualTo(Instant.parse("2026-11-15T15:00:00Z")); // Monday 16 November, Tokyo
        assertThat(report.to()).isEqualTo(Instant.parse("2026-11-22T15:00:00Z"));
        assertThat(report.sessions()).isEqualTo(4);
    }

    @Test
    void aScheduleStoredBeforeReportPeriodsExistedStillReportsThePeriodItsThresholdStoodFor() {
        storeSchedule(null, (int) Duration.ofDays(31).toMinutes());

        work.start(fire(ScheduleTarget.wholeFleet()));

        assertThat(reports.newestFirst(ADMIN, 10).get(0).period()).isEqualTo(ReportPeriod.MONTH);
    }

    @Test
    void aRunTakenUpAgainKeepsItsOneReportAndOnlyAuditorsAndFleetAdminsRead() {
        String runId = work.start(fire(ScheduleTarget.wholeFleet()));
        ScheduledReport again = reports.produce(runId, "again", ReportPeriod.MONTH, TOKYO, List.of(), NIGHTLY);

        assertThat(again.period()).isEqualTo(ReportPeriod.DAY);
        assertThat(reports.newestFirst(AUDITOR, 10)).hasSize(1);
        Actor helpdesk = new Actor("helpdesk", Set.of(Role.HELPDESK), Set.of(), "127.0.0.1");
        assertThatThrownBy(() -> reports.newestFirst(helpdesk, 10)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> reports.file(helpdesk, runId, "csv")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theRetentionPurgeRemovesKeptReportsOfPeriodsPastRetentionAndNotesEach() {
        String nightly = work.start(fire(ScheduleTarget.wholeFleet()));
        clock.advance(Duration.ofDays(401));
        String yearLater = work.start(new ScheduledFire("sch_nightly", "毎晩の証跡報告", ScheduleKind.EVIDENCE_REPORT,
            ScheduleTarget.wholeFleet(), Duration.ZERO, 100, null, clock.instant(), FireTrigger.ON_TIME, 1));

        String purge = work.start(new ScheduledFire("sch_purge", "保存期間", ScheduleKind.RETENTION_PURGE,
            ScheduleTarget.wholeFleet(), Duration.ZERO, 100, Duration.ofDays(400), clock.instant(), FireTrigger.ON_TIME, 1));

        assertThat(jobs.records().get(purge).detail()).contains(ScheduledReports.COLLECTION + "/" + nightly);
        assertThat(reports.newestFirst(AUDITOR, 10)).extracting(ScheduledReport::id).containsExactly(yearLater);
        assertThatThrownBy(() -> reports.file(AUDITOR, nightly, "pdf")).isInstanceOf(NotFoundException.class);
        assertThat(fleet.audit().forTarget(ADMIN, ScheduledReports.COLLECTION + "/" + nightly))
            .extracting(event -> event.action()).containsExactly("retention.purge");
    }

    /** The nightly schedule as stored: a report period, or (as before the field existed) only a threshold. */
    private void storeSchedule(ReportPeriod period, Integer thresholdMinutes) {
        fleet.store().collection("schedules", Document.class).insertOne(new Document("_id", "sch_nightly")
            .append("name", "毎晩の証跡報告").append("kind", "EVIDENCE_REPORT").append("timesOfDay", List.of("00:30"))
            .append("weekdays", List.of()).append("timeZone", "Asia/Tokyo").append("holidayRule", "RUN")
            .append("spreadMinutes", 0).append("batchSize", 100).append("thresholdMinutes", thresholdMinutes)
            .append("reportPeriod", period == null ? null : period.name()).append("misfireRule", "RUN_ONCE_LATE")
            .append("maxLatenessMinutes", 30).append("enabled", true).append("version", 1L));
    }

    private ScheduledFire fire(ScheduleTarget target) {
        return new ScheduledFire("sch_nightly", "毎晩の証跡報告", ScheduleKind.EVIDENCE_REPORT, target, Duration.ZERO, 100,
            null, NIGHTLY, FireTrigger.ON_TIME, 1);
    }

    private AuthenticatedDevice laptopIn(OrganisationUnit unit) {
        return jobs.signedIn(jobs.enrolledLaptops(unit, 1).get(0));
    }

    /** A 50-minute session that ended without any wipe proof. */
    private void session(AuthenticatedDevice laptop, Instant start) {
        String id = SessionIds.newId(start);
        fleet.sessions().events().start(laptop, new SessionStart(id, null, "3F-A-12", null, start));
        fleet.sessions().events().end(laptop, id, new SessionEnd(SessionEndReason.TIMEOUT, start.plus(Duration.ofMinutes(50))));
    }
}
