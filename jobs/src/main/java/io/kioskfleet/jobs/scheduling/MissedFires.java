package io.kioskfleet.jobs.scheduling;

import io.kioskfleet.core.calendar.OfficeCalendar;
import io.kioskfleet.core.schedules.FireDecision;
import io.kioskfleet.core.schedules.FirePlan;
import io.kioskfleet.core.schedules.FireLog;
import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.MisfireRule;
import io.kioskfleet.core.schedules.Schedule;
import io.kioskfleet.core.schedules.ScheduleFiring;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The misfire rule at work: finds the fires a schedule missed while no instance held the lease
 * (since its last decided fire, or since it was last changed, whichever is later) and records a
 * decision for each. Only the latest missed fire may run, once, late (RUN_ONCE_LATE within the
 * schedule's maximum lateness); the earlier ones are skipped, since a wave or sweep run late
 * covers what the earlier ones would have done.
 */
public final class MissedFires {

    /** How many planned times are computed at once while walking through an outage. */
    static final int BATCH = 500;

    private final FireLog fireLog;
    private final ScheduleFiring firing;
    private final OfficeCalendar calendar;

    public MissedFires(FireLog fireLog, ScheduleFiring firing, OfficeCalendar calendar) {
        this.fireLog = fireLog;
        this.firing = firing;
        this.calendar = calendar;
    }

    /**
     * Decides every fire {@code schedule} missed up to {@code until} (older than {@code lookBack}
     * before it are not looked at).
     *
     * @return how many missed fires were decided
     */
    public int catchUp(Schedule schedule, long fencingToken, Instant now, Instant until, Duration lookBack) {
        if (!schedule.enabled()) {
            return 0;
        }
        Instant since = Stream.of(fireLog.lastPlanned(schedule.id()).orElse(Instant.MIN), schedule.changedAt(),
            until.minus(lookBack)).max(Instant::compareTo).orElseThrow();
        if (!until.isAfter(since)) {
            return 0;
        }
        FirePlan plan = FirePlan.of(schedule, calendar.closedDays());
        Instant latest = null;
        int count = 0;
        for (Instant from = since; ; ) {
            List<Instant> batch = plan.between(from, until, BATCH);
            for (Instant planned : batch) {
                if (latest != null) {
                    firing.skip(schedule, latest, FireDecision.SKIPPED_MISSED, fencingToken,
                        "missed while no scheduler ran; a later fire stands for it");
                }
                latest = planned;
                count++;
            }
            if (batch.size() < BATCH) {
                break;
            }
            from = batch.get(batch.size() - 1);
        }
        if (latest != null) {
            settleLate(schedule, latest, now, fencingToken);
        }
        return count;
    }

    /** Applies the misfire rule to one fire planned for {@code plannedTime} and noticed at {@code now}. */
    public void settleLate(Schedule schedule, Instant plannedTime, Instant now, long fencingToken) {
        Duration late = Duration.between(plannedTime, now);
        if (schedule.misfireRule() == MisfireRule.SKIP) {
            firing.skip(schedule, plannedTime, FireDecision.SKIPPED_MISSED, fencingToken,
                "missed by " + minutes(late) + "; the misfire rule is SKIP");
        } else if (late.compareTo(schedule.maxLateness()) <= 0) {
            firing.fire(schedule, plannedTime, FireTrigger.LATE, fencingToken,
                "missed by " + minutes(late) + "; run once late");
        } else {
            firing.skip(schedule, plannedTime, FireDecision.SKIPPED_TOO_LATE, fencingToken,
                "missed by " + minutes(late) + ", more than the " + schedule.maxLatenessMinutes() + " min allowed");
        }
    }

    private static String minutes(Duration late) {
        return late.toMinutes() + " min " + late.toSecondsPart() + " s";
    }
}
