package io.kioskfleet.agent;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Many virtual laptops in one JVM, for demos and load: each a {@link VirtualDevice} with its own
 * key and state directory, all sharing one pooled HttpClient and a few scheduler threads (a
 * device's next step is scheduled, never waited for in a thread of its own). Prints a summary
 * line every 30 seconds and one when it stops.
 */
public final class FleetSimulator implements AutoCloseable {

    static final Duration SUMMARY_EVERY = Duration.ofSeconds(30);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(10);
    private static final Duration FIRST_STEPS_WITHIN = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(5));

    private final List<VirtualDevice> devices;
    private final SimulationTally tally;
    private final FleetConnections connections;
    private final ScheduledThreadPoolExecutor scheduler;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock = Clock.systemUTC();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    /**
     * @param out where the summary lines go
     * @param err where failures go (each device's failure once, until it changes)
     */
    public FleetSimulator(SimulationPlan plan, String agentVersion, PrintStream out, PrintStream err) {
        int threads = threadsFor(plan.serials().size());
        this.tally = new SimulationTally(plan.serials().size());
        // Only the scheduler threads send, so they never need more connections than there are threads.
        this.connections = FleetConnections.pooled(threads);
        this.devices = plan.serials().stream()
            .map(serial -> new VirtualDevice(serial, plan, server -> FleetServerClient.sharing(server, connections, RETRY,
                clock), agentVersion, tally))
            .toList();
        this.scheduler = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, "kioskfleet-simulator");
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.out = out;
        this.err = err;
    }

    /**
     * Where the virtual device {@code serial} of a simulation in {@code stateDir} keeps its state
     * (key, identity, policy), so a load run can prepare devices that are enrolled already.
     */
    public static Path stateDirOf(Path stateDir, String serial) {
        return stateDir.resolve(serial.replaceAll("[^A-Za-z0-9._-]", "_")).resolve("state");
    }

    /** Threads for {@code devices} devices: two, plus one per fifty devices, at most eight. */
    static int threadsFor(int devices) {
        return Math.min(8, 2 + devices / 50);
    }

    /** Starts every device, each within the first two seconds, and the summary lines. */
    public void start() {
        for (VirtualDevice device : devices) {
            schedule(device, Duration.ofMillis(ThreadLocalRandom.current().nextLong(FIRST_STEPS_WITHIN.toMillis())));
        }
        long every = SUMMARY_EVERY.toMillis();
        scheduler.scheduleAtFixedRate(() -> out.println(summary().line()), every, every, TimeUnit.MILLISECONDS);
    }

    /** What the devices have done so far. */
    public SimulationSummary summary() {
        return tally.summary();
    }

    /**
     * Waits until {@link #close()} is called, or {@code limit} passes when it is not null.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitStop(Duration limit) throws InterruptedException {
        if (limit == null) {
            stopped.await();
        } else {
            stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void schedule(VirtualDevice device, Duration delay) {
        try {
            scheduler.schedule(() -> step(device), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the simulator is stopping: the device takes no further steps
        }
    }

    private void step(VirtualDevice device) {
        Duration next;
        try {
            next = device.step(clock.instant());
        } catch (RuntimeException failure) {
            String message = device.failed(failure);
            if (message != null && !scheduler.isShutdown()) {
                err.println("simulate: " + device.serial() + ": " + message);
            }
            next = PAUSE_AFTER_FAILURE;
        }
        if (!scheduler.isShutdown()) {
            schedule(device, next);
        }
    }

    /** Stops every device (waiting for steps under way), closes the connections and prints the last summary. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        connections.close();
        out.println(summary().line() + " (stopped)");
        stopped.countDown();
    }
}
