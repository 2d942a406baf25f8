package io.kioskfleet.bench;

import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduledFire;
import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The compliance sweep over a year of sessions on the embedded H2 file store: 1,000,000 sessions
 * spread over twelve months, one in a hundred ended without a wipe attestation. Measures the
 * first sweep (which finds and marks those) and the next one; both read only the sessions
 * recorded as awaiting proof. The target is under 10 s on a 2-core machine. The sweep's findings
 * go where the application sends them: a compliance event per session to a webhook endpoint that
 * asks for them, in the sweep, and automatic tickets (one per device, audited) as the follow-up on
 * another thread after it, timed apart.
 *
 * <p>The sessions belong to 5,000 registered laptops. {@code clustered} (the default) puts the
 * unproven ones on 50 laptops, as a few broken agents would; {@code spread} puts them on all 5,000
 * (about two each), which is the most tickets a sweep can raise for them.
 *
 * <p>Run: {@code bench/run ComplianceSweepBenchmark [sessions] [clustered|spread]}. The sessions are written before the
 * clock starts through {@link SessionRepository#insertIntoNewMonths}, a month per call: one large
 * insert per collection, of the sealed sessions, their awaiting-proof records and per-device index
 * as the service writes them.
 */
public final class ComplianceSweepBenchmark {

    private static final int LAPTOPS = 5000;

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean spread = args.length > 1 && args[1].equals("spread");
        Clock clock = Clock.systemUTC();
        try (BenchJobs jobs = BenchJobs.open(clock)) {
            RunRecords records = jobs.records();
            System.out.printf("%s; %,d sessions over 12 months on %,d laptops, unproven ones %s%n", BenchJobs.machine(),
                total, LAPTOPS, spread ? "spread over all" : "on 50 of them");
            long seeded = System.nanoTime();
            List<Device> laptops = jobs.enrolledFleet(LAPTOPS);
            int unproven = seed(jobs.store(), laptops, spread, clock.instant(), total);
            System.out.printf("seeded %,d sessions (%,d without attestation) in %.1f s%n", total, unproven,
                (System.nanoTime() - seeded) / 1e9);
            for (int round = 1; round <= 2; round++) {
                // What ScheduledJobs.start does for a sweep, on this thread so the clock stops when it ends.
                long start = System.nanoTime();
                String runId = records.open(new ScheduledFire("sch_bench", "bench", ScheduleKind.COMPLIANCE_SWEEP, null,
                    null, 1000, Duration.ofHours(1), clock.instant(), FireTrigger.RUN_NOW, 1), fire -> true).run().id();
                records.begin(runId);
                records.complete(runId, jobs.sweeps().sweep(records.get(runId)));
                double seconds = (System.nanoTime() - start) / 1e9;
                JobRun run = records.get(runId);
                System.out.printf("sweep %d: %s in %.2f s: %s; %,d webhook deliveries queued%n", round,
                    run.state(), seconds, run.detail(),
                    jobs.store().database().getCollection(jobs.deliveries().collectionName()).countDocuments());
                // The tickets follow on another thread; how long until none waits, from the sweep's end.
                long followUps = System.nanoTime();
                while (jobs.exceptions().waitingForFollowUp() > 0) {
                    Thread.sleep(100);
                }
                System.out.printf("  follow-ups done %.2f s after the sweep: %,d tickets open%n",
                    (System.nanoTime() - followUps) / 1e9, jobs.store().database().getCollection("tickets").countDocuments());
            }
        }
    }

    /** Writes the sessions, the newest month first; returns how many ended without attestation. */
    private static int seed(FleetStore store, List<Device> laptops, boolean spread, Instant now, int total) {
        int perMonth = total / 12;
        int unproven = 0;
        SessionRepository repository = new SessionRepository(store);
        for (int month = 0; month < 12; month++) {
            YearMonth yearMonth = YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(month);
            Instant monthStart = yearMonth.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            long span = Math.max(1, Math.min(Duration.between(monthStart, now.minus(Duration.ofHours(2))).toMillis(),
                Duration.ofDays(27).toMillis()));
            List<Session> batch = new ArrayList<>();
            for (int i = 0; i < perMonth; i++) {
                Instant started = monthStart.plusMillis(span * i / perMonth);
                boolean proven = i % 100 != 0;
                unproven += proven ? 0 : 1;
                Device laptop = laptops.get(spread && !proven ? (i / 100) % laptops.size() : i % laptops.size());
                batch.add(new Session(SessionIds.newId(started), laptop.id(), laptop.ouId(), null, "desk-" + (i % 40),
                    null, null, started, SessionEndReason.TIMEOUT, started.plus(Duration.ofMinutes(45)),
                    proven ? SessionState.VERIFIED : SessionState.ENDED, proven ? 2 : 1));
            }
            repository.insertIntoNewMonths(batch);
        }
        return unproven;
    }
}
