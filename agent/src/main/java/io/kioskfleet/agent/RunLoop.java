package io.kioskfleet.agent;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Calls {@link DeviceRun#tick()} once a second until Ctrl-C, a set duration, or the device
 * retires. A failed tick is printed and the loop goes on: a device must keep ending sessions even
 * when something unexpected went wrong once. Ctrl-C lets the running tick finish; a session in
 * progress stays in the state directory and goes on when the agent starts again.
 */
final class RunLoop {

    static final Duration TICK = Duration.ofSeconds(1);

    private final DeviceRun device;
    private final PrintStream err;
    private volatile boolean stopping;

    RunLoop(DeviceRun device, PrintStream err) {
        this.device = device;
        this.err = err;
    }

    /** Runs until stopped, or for {@code duration} when not null; returns the exit status. */
    int runFor(Duration duration) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            stopping = true;
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kioskfleet-agent-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        String lastFailure = null;
        try {
            while (!stopping && !device.retired() && System.nanoTime() < deadline) {
                try {
                    device.tick();
                    lastFailure = null;
                } catch (RuntimeException failed) {
                    String message = String.valueOf(failed.getMessage());
                    if (!message.equals(lastFailure)) {
                        err.println("kioskfleet-agent run: " + message);
                    }
                    lastFailure = message;
                }
                Thread.sleep(TICK.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and has just been released
            }
        }
        return 0;
    }
}
