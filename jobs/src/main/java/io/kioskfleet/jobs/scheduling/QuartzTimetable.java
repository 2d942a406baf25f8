package io.kioskfleet.jobs.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz with its in-memory store (RAMJobStore), holding one job per schedule with a one-shot
 * trigger at the schedule's next planned fire. The plan itself comes from
 * {@code core.schedules.FirePlan}, so Quartz fires exactly the times the console shows; after
 * each fire the next one is set. It runs only while this instance holds the lease (standby
 * otherwise).
 */
final class QuartzTimetable implements AutoCloseable {

    private static final String PLANNED = "plannedEpochMillis";

    private final Scheduler quartz;
    private final Clock clock;

    /**
     * @param name  unique per process (Quartz keeps schedulers in a static registry by name)
     * @param clock the clock planned times are read on (Quartz itself waits on the system clock)
     * @param onDue called on a Quartz thread with a schedule's id and the planned time when it is due
     */
    QuartzTimetable(String name, Clock clock, BiConsumer<String, Instant> onDue) {
        this.clock = clock;
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, name);
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        properties.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "schedule-fire");
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            this.quartz = new StdSchedulerFactory(properties).getScheduler();
            quartz.setJobFactory((bundle, scheduler) -> dueJob(onDue));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not start: " + e.getMessage(), e);
        }
    }

    private static Job dueJob(BiConsumer<String, Instant> onDue) {
        return context -> onDue.accept(context.getJobDetail().getKey().getName(),
            Instant.ofEpochMilli(context.getTrigger().getJobDataMap().getLong(PLANNED)));
    }

    /** Sets (or replaces) the one trigger of {@code scheduleId} at {@code plannedTime}. */
    void plan(String scheduleId, Instant plannedTime) {
        JobDetail job = JobBuilder.newJob(Job.class).withIdentity(scheduleId).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(scheduleId).forJob(job)
            .startAt(onSystemClock(plannedTime)).usingJobData(PLANNED, plannedTime.toEpochMilli())
            // Our own misfire rule decides about late fires; Quartz just hands them over.
            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
        act(() -> quartz.scheduleJob(job, Set.of(trigger), true));
    }

    /**
     * When {@code plannedTime} comes on the system clock Quartz waits on: the same instant when our
     * clock is the system's (in production), the same distance ahead when a test set its own.
     */
    private Date onSystemClock(Instant plannedTime) {
        return Date.from(Instant.now().plus(Duration.between(clock.instant(), plannedTime)));
    }

    /** Drops the schedule's trigger (paused, removed, or no fire ahead). */
    void unplan(String scheduleId) {
        act(() -> quartz.deleteJob(JobKey.jobKey(scheduleId)));
    }

    /** Drops every trigger. */
    void clear() {
        act(quartz::clear);
    }

    /** Starts firing (after standby too). */
    void start() {
        act(quartz::start);
    }

    /** Stops firing, keeping the triggers. */
    void standby() {
        act(quartz::standby);
    }

    /** How many schedules have a trigger. */
    int planned() {
        try {
            return quartz.getJobKeys(org.quartz.impl.matchers.GroupMatcher.anyJobGroup()).size();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        act(() -> quartz.shutdown(false));
    }

    private static void act(QuartzAction action) {
        try {
            action.run();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz refused: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface QuartzAction {
        void run() throws SchedulerException;
    }
}
