package io.kioskfleet.bench;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.devices.DeviceSummary;
import io.kioskfleet.core.evidence.EvidenceQuery;
import io.kioskfleet.core.evidence.EvidenceReports;
import io.kioskfleet.core.evidence.EvidenceSettings;
import io.kioskfleet.core.evidence.EvidenceSummary;
import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.sessions.StoredAttestation;
import io.kioskfleet.protocol.sessions.ErasedArea;
import io.kioskfleet.protocol.sessions.RemainingManifest;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionState;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import io.kioskfleet.protocol.signing.AttestationSignature;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The auditors' report for one month of a fleet in the embedded store: seeds {@code devices}
 * enrolled laptops (20 branches) with 4 guest sessions a day each for {@code days} days, every one
 * with a wipe attestation signed by its laptop's key, then times the summary (every attestation's
 * seal checked), twice, and two devices' drill-downs, printing the time per session and the heap
 * after a collection before and after each report and its peak during it.
 *
 * <p>Run: {@code BENCH_JAVA_OPTS=-Xmx3g bench/run EvidenceReportBenchmark [devices] [days]}
 * (defaults 10000 and 30: 1.2 M sessions).
 */
public final class EvidenceReportBenchmark {

    private static final int SESSIONS_PER_DAY = 4;
    private static final Instant PERIOD_START = Instant.parse("2026-10-01T00:00:00Z");
    private static final Actor AUDITOR = new Actor("bench-auditor", Set.of(Role.AUDITOR), Set.of(), "127.0.0.1");

    private record Laptop(String deviceId, String ouId, DeviceKeyPair keys) {
    }

    private record Seeded(Session session, StoredAttestation proof) {
    }

    public static void main(String[] args) throws Exception {
        int deviceCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Instant periodEnd = PERIOD_START.plus(Duration.ofDays(days));
        Clock clock = Clock.fixed(periodEnd.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        Path dir = Files.createTempDirectory("kioskfleet-bench-evidence-");
        System.out.printf("java %s, %d cores, max heap %d MiB, store in %s%n", Runtime.version(),
            Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, dir);
        long start = System.nanoTime();
        List<Laptop> laptops = enrolled(dir, deviceCount);
        System.out.printf("enrolled %d laptops in %.1f s%n", laptops.size(), seconds(start));
        CoreFixture fleet = CoreFixture.open(dir, clock);
        try {

            SessionRepository repository = new SessionRepository(fleet.store());
            start = System.nanoTime();
            long sessions = 0;
            for (int day = 0; day < days; day++) {
                Instant morning = PERIOD_START.plus(Duration.ofDays(day)).plus(Duration.ofHours(8));
                List<Session> daySessions = new ArrayList<>(laptops.size() * SESSIONS_PER_DAY);
                List<StoredAttestation> dayProofs = new ArrayList<>(laptops.size() * SESSIONS_PER_DAY);
                IntStream.range(0, laptops.size()).parallel()
                    .mapToObj(i -> sessionsOf(laptops.get(i), morning)).flatMap(List::stream).toList()
                    .forEach(seeded -> {
                        daySessions.add(seeded.session());
                        dayProofs.add(seeded.proof());
                    });
                repository.insertMany(daySessions, dayProofs);
                sessions += daySessions.size();
            }
            System.out.printf("seeded %,d sessions and attestations in %.1f s%n", sessions, seconds(start));

            EvidenceReports reports = new EvidenceReports(repository, fleet.sessions().attestations(), fleet.devices(),
                fleet.units(), fleet.protocol().presence(), fleet.audit(), clock, EvidenceSettings.DEFAULT);
            EvidenceQuery month = new EvidenceQuery(PERIOD_START, periodEnd, List.of());
            for (int round = 1; round <= 2; round++) {
                long before = heapAfterGc();
                resetPeaks();
                start = System.nanoTime();
                EvidenceSummary summary = reports.summary(AUDITOR, month);
                double took = seconds(start);
                long peak = peakHeap();
                System.out.printf("report round %d: %.1f s (%.1f µs per session); expected %,d verified %,d gaps %,d;"
                        + " heap after GC before %d MiB, after %d MiB, peak %d MiB%n",
                    round, took, took * 1e6 / Math.max(1, sessions), summary.totals().expected(), summary.totals().verified(),
                    summary.gapCount(), before >> 20, heapAfterGc() >> 20, peak >> 20);
            }
            for (int round = 1; round <= 2; round++) {
                start = System.nanoTime();
                int lines = reports.device(AUDITOR, month, laptops.get(round * 7).deviceId()).sessions().size();
                System.out.printf("one device's drill-down: %d sessions in %.3f s%n", lines, seconds(start));
            }
        } finally {
            fleet.close();
        }
    }

    /**
     * The laptops, enrolled with their own keys, written in bulk as enrollment leaves them
     * ({@link SeededFleet}): enrolling 10,000 through the service would take minutes and is not
     * what is measured.
     */
    private static List<Laptop> enrolled(Path dir, int count) {
        SeededFleet seeded = SeededFleet.seed(dir, count, 0);
        List<Laptop> laptops = new ArrayList<>(count);
        try (CoreFixture fleet = CoreFixture.open(dir)) {
            Map<String, String> units = fleet.devices().summaries(CoreFixture.ADMIN).stream()
                .collect(Collectors.toMap(DeviceSummary::id, DeviceSummary::ouId));
            for (int i = 0; i < count; i++) {
                String id = seeded.enrolledIds().get(i);
                laptops.add(new Laptop(id, units.get(id), seeded.enrolledKeys().get(i)));
            }
        }
        return laptops;
    }

    /** One laptop's day: four 50-minute sessions two hours apart, each wiped a minute after its end and attested. */
    private static List<Seeded> sessionsOf(Laptop laptop, Instant morning) {
        List<Seeded> made = new ArrayList<>(SESSIONS_PER_DAY);
        for (int k = 0; k < SESSIONS_PER_DAY; k++) {
            Instant start = morning.plus(Duration.ofHours(2L * k)).plusMillis(laptop.deviceId().hashCode() & 0xFFFF);
            Instant end = start.plus(Duration.ofMinutes(50));
            String id = SessionIds.newId(start);
            Instant wipe = end.plus(Duration.ofMinutes(1));
            WipeAttestation attestation = AttestationSignature.sign(laptop.keys(), new WipeAttestation(id,
                laptop.deviceId(), wipe, wipe.plusSeconds(3), List.of(new ErasedArea("${downloads}", 4, 4096)),
                List.of(), List.of(), RemainingManifest.digestOf(List.of()), true, null));
            made.add(new Seeded(new Session(id, laptop.deviceId(), laptop.ouId(), null, "3F-A-12", null, null, start,
                SessionEndReason.TIMEOUT, end, SessionState.VERIFIED, 3),
                new StoredAttestation(id, laptop.deviceId(), laptop.ouId(), wipe.plusSeconds(4), "10.0.0.1", attestation)));
        }
        return made;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the heap's peak). */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
            .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
