package io.kioskfleet.core.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of background work run again and again on its own daemon thread: a failure is
 * logged and the next run tries again, so a store that is briefly away does not stop it.
 */
public final class RepeatingTask implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RepeatingTask.class);

    private final String what;
    private final Runnable task;
    private final ScheduledExecutorService timer;

    /**
     * @param every how often; {@link Duration#ZERO}: never on its own (tests run the work themselves)
     * @param what  what the work does, in words, for the thread name and the log ("write device presence")
     */
    public RepeatingTask(Duration every, String what, Runnable task) {
        this.what = what;
        this.task = task;
        if (every.isZero()) {
            this.timer = null;
        } else {
            this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, what.replace(' ', '-'));
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::runNow, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs the work once now, logging rather than throwing a failure. */
    public void runNow() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Could not {}; will retry: {}", what, e.getMessage());
        }
    }

    /** Stops the repetition. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
