package io.kioskfleet.core.schedules;

import io.kioskfleet.core.evidence.ReportPeriod;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A stored plan of timed work: what to do (kind), when (a Quartz cron expression, or times of day
 * on some weekdays, in a time zone, optionally skipping holidays and closures), to which devices,
 * how fast, and what to do about fires missed while no scheduler ran.
 *
 * @param id                 {@code sch_…}
 * @param name               what admins call it ("本庁 昼と夕方の消去")
 * @param kind               what it does
 * @param cron               a Quartz cron expression (seconds first), or null when times of day are given
 * @param timesOfDay         {@code HH:mm} times, or empty when a cron expression is given
 * @param weekdays           the days the times of day apply on (empty with a cron expression)
 * @param timeZone           the zone the times are read in, e.g. {@code Asia/Tokyo}
 * @param holidayRule        whether it skips Japanese public holidays and office closures
 * @param target             the devices it acts on
 * @param spreadMinutes      how long a wave may take to reach every target (0: at once)
 * @param batchSize          how many targets one chunk handles
 * @param thresholdMinutes   for sweeps, the age they look for; null for waves and evidence reports
 * @param reportPeriod       for EVIDENCE_REPORT, the whole period each fire reports (the one before
 *                           the fire); null for every other kind
 * @param misfireRule        what happens to fires missed while no scheduler ran
 * @param maxLatenessMinutes with RUN_ONCE_LATE, how late a missed fire may still run
 * @param enabled            false while paused
 * @param createdAt          when created
 * @param createdBy          who created it
 * @param changedAt          when last changed (fires missed before this are not caught up)
 * @param changedBy          who changed it last
 * @param version            optimistic concurrency version
 */
public record Schedule(@BsonId String id, String name, ScheduleKind kind, String cron, List<String> timesOfDay,
                       List<DayOfWeek> weekdays, String timeZone, HolidayRule holidayRule, ScheduleTarget target,
                       int spreadMinutes, int batchSize, Integer thresholdMinutes, ReportPeriod reportPeriod,
                       MisfireRule misfireRule, int maxLatenessMinutes, boolean enabled, Instant createdAt, String createdBy, Instant changedAt,
                       String changedBy, long version) {

    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(holidayRule, "holidayRule");
        Objects.requireNonNull(misfireRule, "misfireRule");
        timesOfDay = timesOfDay == null ? List.of() : List.copyOf(timesOfDay);
        weekdays = weekdays == null ? List.of() : List.copyOf(weekdays);
        target = target == null ? ScheduleTarget.wholeFleet() : target;
        if (kind == ScheduleKind.EVIDENCE_REPORT && reportPeriod == null) {
            // Stored before schedules had a report period: the threshold stood for it.
            reportPeriod = ReportPeriod.ofThreshold(thresholdMinutes == null ? null : Duration.ofMinutes(thresholdMinutes));
            thresholdMinutes = null;
        } else if (kind != ScheduleKind.EVIDENCE_REPORT) {
            reportPeriod = null;
        }
    }

    /** The zone its times are read in. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The same schedule paused or resumed, as changed by {@code by} at {@code at}. */
    Schedule withEnabled(boolean enabled, Instant at, String by) {
        return new Schedule(id, name, kind, cron, timesOfDay, weekdays, timeZone, holidayRule, target, spreadMinutes,
            batchSize, thresholdMinutes, reportPeriod, misfireRule, maxLatenessMinutes, enabled, createdAt, createdBy, at, by,
            version + 1);
    }

    /** The firing of this schedule planned for {@code plannedTime}, as handed to its work. */
    public ScheduledFire fireAt(Instant plannedTime, FireTrigger trigger, long fencingToken) {
        return new ScheduledFire(id, name, kind, target, Duration.ofMinutes(spreadMinutes), batchSize,
            thresholdMinutes == null ? null : Duration.ofMinutes(thresholdMinutes), plannedTime, trigger, fencingToken);
    }

    /** How late a missed fire may still run under RUN_ONCE_LATE. */
    public Duration maxLateness() {
        return Duration.ofMinutes(maxLatenessMinutes);
    }
}
