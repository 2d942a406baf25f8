package io.kioskfleet.bench;

import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleTarget;
import io.kioskfleet.core.schedules.ScheduledFire;
import java.time.Clock;
import java.time.Duration;

/**
 * A {@code LOGOUT_AND_WIPE} wave over the whole fleet on the embedded H2 file store: from the
 * firing to every command queued (one WIPE per device, in chunks of 1,000). The target is under
 * 20 s for 100,000 devices on a 2-core machine.
 *
 * <p>Run: {@code bench/run WaveBenchmark [devices] [batchSize]}. The devices are written straight
 * into the store (20 branches) before the clock starts; enrolling them is not what is measured.
 */
public final class WaveBenchmark {

    public static void main(String[] args) throws Exception {
        int fleetSize = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Clock clock = Clock.systemUTC();
        try (BenchJobs jobs = BenchJobs.open(clock)) {
            RunRecords records = jobs.records();
            System.out.printf("%s; %,d devices, chunks of %,d%n", BenchJobs.machine(), fleetSize, batchSize);
            long seeded = System.nanoTime();
            jobs.enrolledFleet(fleetSize);
            System.out.printf("seeded %,d devices in %.1f s%n", fleetSize, (System.nanoTime() - seeded) / 1e9);

            // What ScheduledJobs.start does for a wave, on this thread so the clock stops when it ends.
            long start = System.nanoTime();
            long cpuAtStart = processCpuNanos();
            String runId = records.open(new ScheduledFire("sch_bench", "bench", ScheduleKind.LOGOUT_AND_WIPE,
                ScheduleTarget.wholeFleet(), Duration.ofMinutes(30), batchSize, null, clock.instant(),
                FireTrigger.RUN_NOW, 1), fire -> true).run().id();
            records.begin(runId);
            jobs.waves().carryOut(records.get(runId));
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuAtStart) / 1e9;
            JobRun run = records.get(runId);
            long stored = jobs.store().database().getCollection("commands").countDocuments();
            long inboxes = jobs.store().database().getCollection("command_inbox").countDocuments();
            System.out.printf("run %s: %s, %,d targets, %,d queued in %d chunks; %,d commands and %,d inbox "
                + "entries stored%n", runId, run.state(), run.counts().targets(), run.counts().queued(),
                run.chunksDone(), stored, inboxes);
            System.out.printf("wave queued in %.2f s (%,.0f commands/s; target: under 20 s for 100,000); "
                + "the process used %.1f s of CPU meanwhile (store included)%n", seconds, run.counts().queued() / seconds,
                cpuSeconds);
        }
    }

    /** CPU time of this process (the embedded store runs in it), which other loads on the machine do not inflate. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }
}
