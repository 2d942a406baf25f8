package io.kioskfleet.jobs.scheduling;

import io.kioskfleet.core.background.RepeatingTask;
import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.Schedule;
import io.kioskfleet.core.schedules.ScheduleFiring;
import io.kioskfleet.core.schedules.ScheduleRepository;
import io.kioskfleet.core.schedules.SchedulerLease;
import io.kioskfleet.core.schedules.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's scheduler. Every instance runs one; only the holder of the scheduler lease has
 * its Quartz running. Every {@code renewEvery} the holder renews the lease (and stops firing the
 * moment a renewal fails) while the others try to take it, so when the holder dies another takes
 * over within the lease's time to live plus one interval. On taking the lease an instance loads
 * every schedule into Quartz and settles the fires missed meanwhile by each schedule's misfire
 * rule. Schedules changed through this instance are re-planned at once; changes made on other
 * instances are noticed by comparing every schedule's version every {@code pollEvery}.
 */
public final class FleetScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetScheduler.class);

    private final ScheduleRepository repository;
    private final Schedules schedules;
    private final ScheduleFiring firing;
    private final MissedFires missedFires;
    private final SchedulerLease lease;
    private final SchedulerSettings settings;
    private final Clock clock;
    private final QuartzTimetable quartz;
    private RepeatingTask leaseTask;
    private RepeatingTask pollTask;

    private Long token;
    private boolean quartzRunning;
    private Instant holdsUntil = Instant.MIN;
    private Map<String, Long> loadedVersions = Map.of();

    public FleetScheduler(ScheduleRepository repository, Schedules schedules, ScheduleFiring firing,
                          MissedFires missedFires, SchedulerLease lease, SchedulerSettings settings, Clock clock) {
        this.repository = repository;
        this.schedules = schedules;
        this.firing = firing;
        this.missedFires = missedFires;
        this.lease = lease;
        this.settings = settings;
        this.clock = clock;
        this.quartz = new QuartzTimetable("kioskfleet-" + settings.instanceId(), clock, this::due);
    }

    /** Starts taking part: tries for the lease now and every {@code renewEvery}, and watches for changes. */
    public synchronized void start() {
        repository.whenChanged(this::changedHere);
        leaseTask = new RepeatingTask(settings.renewEvery(), "keep the scheduler lease", this::keepLease);
        leaseTask.runNow();
        pollTask = new RepeatingTask(settings.pollEvery(), "look for changed schedules", this::reloadIfChanged);
    }

    /** True while this instance holds the lease and fires schedules. */
    public synchronized boolean isHolder() {
        return token != null;
    }

    /** The fencing token this instance holds, if it holds the lease. */
    public synchronized Optional<Long> token() {
        return Optional.ofNullable(token);
    }

    /** How many schedules have a fire planned in Quartz (none unless holding the lease). */
    public int plannedSchedules() {
        return quartz.planned();
    }

    /**
     * Renews the lease, or tries to take it; on losing it stops firing at once. A holder that has
     * not yet loaded its schedules (the first load failed) tries again.
     */
    public synchronized void keepLease() {
        Instant now = clock.instant();
        try {
            if (token != null) {
                Optional<Instant> renewed = lease.renew(settings.instanceId(), token);
                if (renewed.isEmpty()) {
                    stepDown("the lease was taken over");
                    return;
                }
                holdsUntil = renewed.get();
            } else {
                var taken = lease.take(settings.instanceId());
                if (taken.isEmpty()) {
                    return;
                }
                token = taken.getAsLong();
                holdsUntil = now.plus(lease.timeToLive());
                log.info("Instance {} holds the scheduler lease (token {}) and fires schedules", settings.instanceId(), token);
            }
            if (!quartzRunning) {
                reload();
                quartz.start();
                quartzRunning = true;
            }
        } catch (RuntimeException e) {
            if (token != null && !clock.instant().isBefore(holdsUntil)) {
                stepDown("the lease could not be renewed before it lapsed: " + e.getMessage());
            }
            throw e;
        }
    }

    /** Loads every schedule into Quartz anew and settles missed fires (holder only). */
    public synchronized void reload() {
        if (token == null) {
            return;
        }
        List<Schedule> all = repository.all();
        quartz.clear();
        Instant now = clock.instant();
        Instant onTimeFrom = now.minus(settings.onTimeGrace());
        for (Schedule schedule : all) {
            missedFires.catchUp(schedule, token, now, onTimeFrom, settings.lookBack());
            planNext(schedule, onTimeFrom);
        }
        loadedVersions = versionsOf(all);
    }

    /** Reloads when some schedule was created, changed or removed since the last load (on any instance). */
    public synchronized void reloadIfChanged() {
        if (token != null && !versionsOf(repository.all()).equals(loadedVersions)) {
            reload();
        }
    }

    private void changedHere(String scheduleId) {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            log.warn("Could not re-plan after schedule {} changed; the next poll retries: {}", scheduleId, e.getMessage());
        }
    }

    /** Quartz says a schedule's planned fire is due: fire it (or apply the misfire rule) and plan the next. */
    void due(String scheduleId, Instant plannedTime) {
        Long fencingToken = token().orElse(null);
        if (fencingToken == null) {
            return;
        }
        Optional<Schedule> schedule = repository.find(scheduleId).filter(Schedule::enabled);
        if (schedule.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(plannedTime, now).compareTo(settings.onTimeGrace()) <= 0) {
            firing.fire(schedule.get(), plannedTime, FireTrigger.ON_TIME, fencingToken, null);
        } else {
            missedFires.settleLate(schedule.get(), plannedTime, now, fencingToken);
        }
        synchronized (this) {
            if (token != null && token.equals(fencingToken)) {
                planNext(schedule.get(), plannedTime);
            }
        }
    }

    private void planNext(Schedule schedule, Instant after) {
        Optional<Instant> next = schedule.enabled() ? schedules.nextFireAfter(schedule, after) : Optional.empty();
        if (next.isPresent()) {
            quartz.plan(schedule.id(), next.get());
        } else {
            quartz.unplan(schedule.id());
        }
    }

    private void stepDown(String why) {
        log.warn("Instance {} stops firing schedules: {}", settings.instanceId(), why);
        quartz.standby();
        quartz.clear();
        token = null;
        quartzRunning = false;
        loadedVersions = Map.of();
    }

    private static Map<String, Long> versionsOf(List<Schedule> all) {
        return all.stream().collect(Collectors.toMap(Schedule::id, Schedule::version));
    }

    /**
     * Stops renewing and firing without giving the lease up, as a killed process would: for tests
     * of the takeover.
     */
    synchronized void crash() {
        if (leaseTask != null) {
            leaseTask.close();
            pollTask.close();
        }
        quartz.close();
        token = null;
        quartzRunning = false;
    }

    /** Stops; a holder gives the lease up so another instance takes over at once. */
    @Override
    public synchronized void close() {
        if (leaseTask != null) {
            leaseTask.close();
            pollTask.close();
        }
        if (token != null) {
            try {
                lease.release(settings.instanceId(), token);
            } catch (RuntimeException e) {
                log.warn("Could not release the scheduler lease; it lapses on its own: {}", e.getMessage());
            }
            token = null;
        }
        quartz.close();
    }
}
