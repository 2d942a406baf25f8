package io.kioskfleet.bench;

import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.changes.ChangeNotices;
import io.kioskfleet.core.commands.CommandInbox;
import io.kioskfleet.core.commands.CommandRepository;
import io.kioskfleet.core.commands.OverdueCommands;
import io.kioskfleet.core.commands.RunCommands;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import io.kioskfleet.core.desks.BookingRepository;
import io.kioskfleet.core.desks.DeskClaims;
import io.kioskfleet.core.loans.LoanRepository;
import io.kioskfleet.core.loans.OverdueLoanReminders;
import io.kioskfleet.core.notifications.Outbox;
import io.kioskfleet.core.notifications.WebhookDeliveries;
import io.kioskfleet.core.notifications.WebhookEndpoints;
import io.kioskfleet.core.desks.ReleasingNoShows;
import io.kioskfleet.core.desks.SiteRepository;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceRepository;
import io.kioskfleet.core.findings.OpenFindings;
import io.kioskfleet.core.jobruns.JobRunRepository;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuRepository;
import io.kioskfleet.core.retention.ExpiredMonths;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.sessions.UnprovenWipes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.core.store.StoreSettings;
import io.kioskfleet.jobs.sweeps.Sweeps;
import io.kioskfleet.jobs.waves.Waves;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The job-run services wired on a fresh embedded H2 file store, as the application wires them, for the benchmarks. */
record BenchJobs(Path dataDir, FleetStore store, CommandInbox inbox, OrganisationUnits units, RunRecords records,
                 Waves waves, Sweeps sweeps) implements AutoCloseable {

    static BenchJobs open(Clock clock) throws IOException {
        Path dataDir = Files.createTempDirectory("kioskfleet-bench-");
        FleetStore store = FleetStore.open(new StoreSettings("", dataDir, "kioskfleet", Duration.ofSeconds(30)));
        AuditChain audit = new AuditChain(store, clock);
        OuRepository ous = new OuRepository(store);
        DeviceRepository deviceRepository = new DeviceRepository(store);
        OrganisationUnits units = new OrganisationUnits(ous, deviceRepository, audit, clock);
        DeviceRegistry devices = new DeviceRegistry(deviceRepository, units, audit, clock);
        CommandRepository commandRepository = new CommandRepository(store);
        CommandInbox inbox = new CommandInbox(store, new ChangeNotices(store, Duration.ZERO), Duration.ZERO);
        JobRunRepository runRepository = new JobRunRepository(store);
        ComplianceExceptions exceptions = new ComplianceExceptions(store);
        OpenFindings findings = new OpenFindings(store);
        new IndexBootstrap(store).createAll(List.of(audit, ous, deviceRepository, commandRepository, inbox, runRepository,
            exceptions, findings));
        RunCommands commands = new RunCommands(commandRepository, inbox, clock);
        RunRecords records = new RunRecords(runRepository, commands, audit, clock);
        Waves waves = new Waves(records, commands::issue, commands, devices, units, Duration.ofHours(12));
        Sweeps sweeps = new Sweeps(records, new UnprovenWipes(new SessionRepository(store), (deviceId, ouId) -> Duration.ofHours(4)), exceptions, devices,
            new PresenceRepository(store), new OverdueCommands(commandRepository, inbox, clock), findings,
            new ExpiredMonths(store, audit, List.of("sessions"), List.of()),
            new ReleasingNoShows(new SiteRepository(store), new BookingRepository(store), new DeskClaims(store, clock),
                ZoneId.of("Asia/Tokyo")), clock,
            new OverdueLoanReminders(store, new LoanRepository(store), new Outbox(store,
                new WebhookEndpoints(store, audit, false, clock), new WebhookDeliveries(store, audit, clock), clock),
                ZoneId.of("Asia/Tokyo")));
        return new BenchJobs(dataDir, store, inbox, units, records, waves, sweeps);
    }

    /** The machine, for the first line of every benchmark's output. */
    static String machine() {
        return "java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    /** Closes the store and deletes its files: a year of sessions takes gigabytes, and the machine's disk is shared. */
    @Override
    public void close() throws IOException {
        inbox.close();
        store.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
