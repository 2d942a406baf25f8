package io.kioskfleet.jobs;

import static io.kioskfleet.core.CoreFixture.ADMIN;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.commands.RunCommands;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.evidence.EvidenceExports;
import io.kioskfleet.core.evidence.EvidenceReports;
import io.kioskfleet.core.evidence.EvidenceSettings;
import io.kioskfleet.core.evidence.EvidenceSigningKey;
import io.kioskfleet.core.evidence.ScheduledReports;
import io.kioskfleet.core.findings.OpenFindings;
import io.kioskfleet.core.jobruns.JobRunRepository;
import io.kioskfleet.core.jobruns.JobRuns;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.retention.ExpiredMonths;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.sessions.UnprovenWipes;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.core.schedules.ScheduleRepository;
import io.kioskfleet.jobs.sweeps.Sweeps;
import io.kioskfleet.jobs.waves.ChunkIssuer;
import io.kioskfleet.jobs.waves.Waves;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.kioskfleet.core.desks.BookingRepository;
import io.kioskfleet.core.desks.DeskClaims;
import io.kioskfleet.core.loans.LoanRepository;
import io.kioskfleet.core.loans.OverdueLoanReminders;
import io.kioskfleet.core.notifications.Outbox;
import io.kioskfleet.core.notifications.WebhookDeliveries;
import io.kioskfleet.core.notifications.WebhookEndpoints;
import io.kioskfleet.core.desks.ReleasingNoShows;
import io.kioskfleet.core.desks.SiteRepository;
import io.kioskfleet.core.schedules.ScheduledFire;
import java.time.ZoneId;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * The jobs wired on a real embedded store as the application wires them, except that runs do
 * their work at once on the calling thread, so a test sees the outcome when {@code start} returns.
 */
public record JobsFixture(CoreFixture fleet, RunRecords records, JobRuns runs, ScheduledJobs jobs,
                          ComplianceExceptions exceptions, OpenFindings findings, ScheduledReports reports) {

    /** The month collections retention applies to. */
    public static final List<String> MONTHLY = List.of("sessions", "attestations", "refused_attestations", "faults");

    /** Every firing's token is current. */
    public static final Predicate<ScheduledFire> ADMIT_ALL = fire -> true;

    /** Jobs on {@code fleet} whose waves queue chunks with {@code issuer}. */
    public static JobsFixture on(CoreFixture fleet, Clock clock, Predicate<ScheduledFire> admitted, ChunkIssuer issuer) {
        JobRunRepository repository = new JobRunRepository(fleet.store());
        ComplianceExceptions exceptions = new ComplianceExceptions(fleet.store());
        OpenFindings findings = new OpenFindings(fleet.store());
        new IndexBootstrap(fleet.store()).createAll(List.of(repository, exceptions, findings));
        RunCommands commands = fleet.commands().runs();
        RunRecords records = new RunRecords(repository, commands, fleet.audit(), clock);
        JobRuns runs = new JobRuns(repository, records, commands, fleet.audit(), clock);
        Waves waves = new Waves(records, issuer, commands, fleet.devices(), fleet.units(), Duration.ofHours(12));
        EvidenceReports evidence = new EvidenceReports(new SessionRepository(fleet.store()), fleet.sessions().attestations(),
            fleet.devices(), fleet.units(), fleet.protocol().presence(), fleet.audit(), clock, EvidenceSettings.DEFAULT);
        ScheduledReports reports = new ScheduledReports(new EvidenceExports(evidence, fleet.audit(),
            EvidenceSigningKey.inDirectory(fleet.store().dataDir())), evidence, fleet.store(), clock);
        Sweeps sweeps = new Sweeps(records, new UnprovenWipes(new SessionRepository(fleet.store()), fleet.policies().effective()), exceptions,
            fleet.devices(), fleet.protocol().presence(), fleet.commands().overdue(), findings,
            new ExpiredMonths(fleet.store(), fleet.audit(), MONTHLY, List.of(reports)),
            new ReleasingNoShows(new SiteRepository(fleet.store()), new BookingRepository(fleet.store()),
                new DeskClaims(fleet.store(), clock), ZoneId.of("Asia/Tokyo")), clock,
            new OverdueLoanReminders(fleet.store(), new LoanRepository(fleet.store()), new Outbox(fleet.store(),
                new WebhookEndpoints(fleet.store(), fleet.audit(), false, clock),
                new WebhookDeliveries(fleet.store(), fleet.audit(), clock), clock), ZoneId.of("Asia/Tokyo")));
        ScheduleRepository schedules = new ScheduleRepository(fleet.store());
        ScheduledJobs jobs = new ScheduledJobs(records, waves, sweeps, reports,
            scheduleId -> ReportTerms.of(schedules.find(scheduleId), ZoneId.of("Asia/Tokyo")),
            admitted, Runnable::run, Duration.ZERO, Duration.ZERO);
        return new JobsFixture(fleet, records, runs, jobs, exceptions, findings, reports);
    }

    /** Jobs on {@code fleet} as the service runs them. */
    public static JobsFixture on(CoreFixture fleet, Clock clock) {
        return on(fleet, clock, ADMIT_ALL, fleet.commands().runs()::issue);
    }

    /** {@code count} laptops of {@code unit}, enrolled with one token; their ids. */
    public List<String> enrolledLaptops(OrganisationUnit unit, int count) {
        String secret = fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(unit.id(), null, count, null)).secret();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String serial = "SN-" + unit.name().hashCode() + "-" + ids.size() + "-" + System.nanoTime();
            fleet.devices().preRegister(ADMIN, new DeviceDraft(serial, unit.id(), null, null, List.of(), null));
            ids.add(fleet.protocol().enrollment().enroll(new EnrollmentRequest(secret, serial,
                DeviceKeyPair.generate().publicKeyText(), "1.0"), "10.0.0.1").deviceId());
        }
        return ids;
    }

    /** The device as the protocol sees it after authentication. */
    public AuthenticatedDevice signedIn(String deviceId) {
        Device device = fleet.devices().get(ADMIN, deviceId);
        return new AuthenticatedDevice(device.id(), device.ouId(), device.status());
    }

    /** Every command the run issued, as stored. */
    public List<Document> commandsOf(String runId) {
        return fleet.store().collection("commands", Document.class)
            .find(new Document("runId", runId)).into(new ArrayList<>());
    }
}
