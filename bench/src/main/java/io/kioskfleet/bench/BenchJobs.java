package io.kioskfleet.bench;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import io.kioskfleet.core.desks.BookingRepository;
import io.kioskfleet.core.desks.DeskClaims;
import io.kioskfleet.core.desks.ReleasingNoShows;
import io.kioskfleet.core.desks.SiteRepository;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.findings.OpenFindings;
import io.kioskfleet.core.jobruns.JobRunRepository;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.loans.LoanRepository;
import io.kioskfleet.core.loans.OverdueLoanReminders;
import io.kioskfleet.core.notifications.ComplianceNotices;
import io.kioskfleet.core.notifications.Outbox;
import io.kioskfleet.core.notifications.WebhookDeliveries;
import io.kioskfleet.core.notifications.WebhookDraft;
import io.kioskfleet.core.notifications.WebhookEndpoints;
import io.kioskfleet.core.notifications.WebhookFormat;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.retention.ExpiredMonths;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.sessions.UnprovenWipes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.core.tickets.AutomaticTickets;
import io.kioskfleet.core.tickets.TicketDesk;
import io.kioskfleet.core.tickets.Tickets;
import io.kioskfleet.jobs.sweeps.Sweeps;
import io.kioskfleet.jobs.waves.Waves;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The job-run services wired on a fresh embedded H2 file store, as the application wires them, for
 * the benchmarks: the fleet's services from {@link CoreFixture}, the sweeps and waves, and what the
 * application connects to a sweep's findings (compliance events to a webhook endpoint that asks for
 * them, queued but not sent, and automatic tickets, raised on a follow-up thread after the sweep).
 */
record BenchJobs(Path dataDir, CoreFixture fleet, RunRecords records, Waves waves, Sweeps sweeps, Tickets tickets,
                 ComplianceExceptions exceptions, WebhookDeliveries deliveries, ExecutorService followUpThread)
    implements AutoCloseable {

    static BenchJobs open(Clock clock) throws IOException {
        Path dataDir = Files.createTempDirectory("kioskfleet-bench-");
        CoreFixture fleet = CoreFixture.open(dataDir, clock);
        FleetStore store = fleet.store();
        AuditChain audit = fleet.audit();
        JobRunRepository runRepository = new JobRunRepository(store);
        ExecutorService followUpThread = Executors.newSingleThreadExecutor();
        ComplianceExceptions exceptions = new ComplianceExceptions(store, followUpThread);
        OpenFindings findings = new OpenFindings(store);
        WebhookEndpoints endpoints = new WebhookEndpoints(store, audit, false, clock);
        WebhookDeliveries deliveries = new WebhookDeliveries(store, audit, clock);
        Outbox outbox = new Outbox(store, endpoints, deliveries, clock);
        new IndexBootstrap(store).createAll(List.of(runRepository, exceptions, findings, endpoints, deliveries, outbox));
        TicketDesk desk = TicketDesk.on(fleet, clock);
        new AutomaticTickets(desk.tickets(), desk.repository(), fleet.devices(), audit, clock).listenTo(exceptions, findings);
        exceptions.whenRaised(new ComplianceNotices(outbox));
        endpoints.create(Actor.SYSTEM, new WebhookDraft("audit chat", "https://hooks.example.jp/audit", WebhookFormat.CHAT,
            null, List.of(Outbox.COMPLIANCE_EXCEPTION), true));
        RunRecords records = new RunRecords(runRepository, fleet.commands().runs(), audit, clock);
        Waves waves = new Waves(records, fleet.commands().runs()::issue, fleet.commands().runs(), fleet.devices(),
            fleet.units(), Duration.ofHours(12));
        Sweeps sweeps = new Sweeps(records, new UnprovenWipes(new SessionRepository(store), (deviceId, ouId) -> Duration.ofHours(4)), exceptions, fleet.devices(),
            new PresenceRepository(store), fleet.commands().overdue(), findings,
            new ExpiredMonths(store, audit, List.of("sessions"), List.of()),
            new ReleasingNoShows(new SiteRepository(store), new BookingRepository(store), new DeskClaims(store, clock),
                ZoneId.of("Asia/Tokyo")), clock,
            new OverdueLoanReminders(store, new LoanRepository(store), outbox, ZoneId.of("Asia/Tokyo")));
        return new BenchJobs(dataDir, fleet, records, waves, sweeps, desk.tickets(), exceptions, deliveries, followUpThread);
    }

    /**
     * Writes {@code count} enrolled laptops in 20 branches straight into the store (enrolling them
     * is not what the benchmarks measure) and answers them in the order written.
     */
    List<Device> enrolledFleet(int count) {
        OrganisationUnit city = units().create(Actor.SYSTEM, new OuDraft("市役所", null, null, 0));
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            branches.add(units().create(Actor.SYSTEM, new OuDraft("支所" + i, city.id(), "本町" + i, 0)).id());
        }
        var collection = store().collection("devices", Device.class);
        Instant now = Instant.now();
        List<Device> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(new Device(IdKind.DEVICE.newId(), String.format("SN%08d", i), branches.get(i % branches.size()),
                DeviceStatus.ENROLLED, "ThinBook 14", null, List.of(), null, now, now, null, null, null, "key", now,
                null, null, 1));
        }
        for (int from = 0; from < count; from += 5000) {
            collection.insertMany(all.subList(from, Math.min(count, from + 5000)));
        }
        return all;
    }

    FleetStore store() {
        return fleet.store();
    }

    OrganisationUnits units() {
        return fleet.units();
    }

    /** The machine, for the first line of every benchmark's output. */
    static String machine() {
        return "java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    /** Closes the store and deletes its files: a year of sessions takes gigabytes, and the machine's disk is shared. */
    @Override
    public void close() throws IOException {
        followUpThread.shutdownNow();
        fleet.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
