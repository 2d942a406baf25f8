package io.kioskfleet.core.schedules;

import io.kioskfleet.core.evidence.ReportPeriod;
import io.kioskfleet.core.input.InputCheck;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an admin sends to create or change a schedule. Give either {@code cron} or
 * {@code timesOfDay} (with optional {@code weekdays}); everything else has a default.
 *
 * @param name               required, at most 100 characters
 * @param kind               required
 * @param cron               a Quartz cron expression (six or seven fields, seconds first)
 * @param timesOfDay         {@code HH:mm} times, at most 24
 * @param weekdays           the days the times apply on; null or empty: every day
 * @param timeZone           an IANA zone id; null: the service's zone (Asia/Tokyo unless configured)
 * @param holidayRule        null: RUN
 * @param target             null: the whole fleet
 * @param spreadMinutes      0–{@value #MAX_SPREAD_MINUTES}; null: 0
 * @param batchSize          1–{@value #MAX_BATCH_SIZE}; null: {@value #DEFAULT_BATCH_SIZE}
 * @param thresholdMinutes   required for sweeps, absent for waves and evidence reports
 * @param reportPeriod       for EVIDENCE_REPORT only: DAY, WEEK or MONTH; null: DAY
 * @param misfireRule        null: RUN_ONCE_LATE
 * @param maxLatenessMinutes 1–{@value #MAX_LATENESS_MINUTES}; null: {@value #DEFAULT_LATENESS_MINUTES}
 * @param enabled            null: true
 */
public record ScheduleDraft(String name, ScheduleKind kind, String cron, List<String> timesOfDay,
                            List<DayOfWeek> weekdays, String timeZone, HolidayRule holidayRule, ScheduleTarget target,
                            Integer spreadMinutes, Integer batchSize, Integer thresholdMinutes, ReportPeriod reportPeriod,
                            MisfireRule misfireRule, Integer maxLatenessMinutes, Boolean enabled) {

    /** A draft of any kind but EVIDENCE_REPORT (or one reporting the previous day). */
    public ScheduleDraft(String name, ScheduleKind kind, String cron, List<String> timesOfDay, List<DayOfWeek> weekdays,
                         String timeZone, HolidayRule holidayRule, ScheduleTarget target, Integer spreadMinutes,
                         Integer batchSize, Integer thresholdMinutes, MisfireRule misfireRule, Integer maxLatenessMinutes,
                         Boolean enabled) {
        this(name, kind, cron, timesOfDay, weekdays, timeZone, holidayRule, target, spreadMinutes, batchSize,
            thresholdMinutes, null, misfireRule, maxLatenessMinutes, enabled);
    }

    static final int MAX_NAME = 100;
    static final int MAX_TIMES = 24;
    static final int MAX_SPREAD_MINUTES = 240;
    static final int MAX_BATCH_SIZE = 10_000;
    static final int DEFAULT_BATCH_SIZE = 500;
    static final int MAX_THRESHOLD_MINUTES = 10 * 366 * 24 * 60;
    static final int MAX_LATENESS_MINUTES = 24 * 60;
    static final int DEFAULT_LATENESS_MINUTES = 30;
    static final int MAX_TARGETS = 1000;
    /** A schedule may fire at most once a minute: a cron with seconds must not flood the fleet. */
    static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);

    private static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    /** The kinds that look for things older than a threshold (no-show release uses each site's own grace). */
    private static final Set<ScheduleKind> SWEEPS = EnumSet.of(ScheduleKind.COMPLIANCE_SWEEP,
        ScheduleKind.STALE_DEVICE_SWEEP, ScheduleKind.COMMAND_ESCALATION, ScheduleKind.RETENTION_PURGE);
    /** The kinds that send commands to devices; the only ones a branch admin may schedule. */
    static final Set<ScheduleKind> WAVES = EnumSet.of(ScheduleKind.LOGOUT_WAVE, ScheduleKind.WIPE_WAVE,
        ScheduleKind.LOGOUT_AND_WIPE, ScheduleKind.REBOOT);

    /** Records every rule this draft breaks; {@code defaultZone} stands in for a missing zone. */
    void check(InputCheck check, ZoneId defaultZone, Instant now) {
        check.require(name != null && !name.isBlank(), "name", "must not be blank");
        check.require(name == null || name.strip().length() <= MAX_NAME, "name", "must be at most " + MAX_NAME + " characters");
        check.require(kind != null, "kind", "must be one of " + List.of(ScheduleKind.values()));
        boolean zoneOk = checkZone(check);
        boolean whenOk = checkWhen(check);
        if (zoneOk && whenOk && check.passed()) {
            checkInterval(check, zoneOrDefault(defaultZone), now);
        }
        between(check, "spreadMinutes", spreadMinutes, 0, MAX_SPREAD_MINUTES);
        between(check, "batchSize", batchSize, 1, MAX_BATCH_SIZE);
        between(check, "maxLatenessMinutes", maxLatenessMinutes, 1, MAX_LATENESS_MINUTES);
        if (kind != null && SWEEPS.contains(kind)) {
            check.require(thresholdMinutes != null, "thresholdMinutes", "is required for a " + kind);
            between(check, "thresholdMinutes", thresholdMinutes, 1, MAX_THRESHOLD_MINUTES);
        } else if (kind != null && WAVES.contains(kind)) {
            check.require(thresholdMinutes == null, "thresholdMinutes", "applies only to sweeps, not to a " + kind);
        } else if (kind == ScheduleKind.EVIDENCE_REPORT) {
            check.require(thresholdMinutes == null, "thresholdMinutes",
                "does not apply to an evidence report: its period is reportPeriod (DAY, WEEK or MONTH)");
        } else {
            between(check, "thresholdMinutes", thresholdMinutes, 1, MAX_THRESHOLD_MINUTES);
        }
        check.require(reportPeriod == null || kind == ScheduleKind.EVIDENCE_REPORT, "reportPeriod",
            "applies only to EVIDENCE_REPORT schedules");
        checkTarget(check);
    }

    private boolean checkZone(InputCheck check) {
        if (timeZone == null) {
            return true;
        }
        try {
            ZoneId.of(timeZone);
            return true;
        } catch (RuntimeException e) {
            check.reject("timeZone", "is not a known time zone (use an IANA id such as Asia/Tokyo)");
            return false;
        }
    }

    private boolean checkWhen(InputCheck check) {
        boolean hasCron = cron != null && !cron.isBlank();
        boolean hasTimes = timesOfDay != null && !timesOfDay.isEmpty();
        if (hasCron == hasTimes) {
            check.reject(hasCron ? "timesOfDay" : "cron", "give either a cron expression or times of day, not "
                + (hasCron ? "both" : "neither"));
            return false;
        }
        if (hasCron) {
            check.require(weekdays == null || weekdays.isEmpty(), "weekdays",
                "apply only to times of day; put the days into the cron expression");
            var problem = FirePlan.cronProblem(cron.strip());
            problem.ifPresent(message -> check.reject("cron", "is not a Quartz cron expression: " + message));
            return problem.isEmpty();
        }
        check.require(timesOfDay.size() <= MAX_TIMES, "timesOfDay", "must have at most " + MAX_TIMES + " times");
        check.require(new HashSet<>(timesOfDay).size() == timesOfDay.size(), "timesOfDay", "must not repeat a time");
        boolean ok = true;
        for (int i = 0; i < timesOfDay.size(); i++) {
            boolean valid = timesOfDay.get(i) != null && TIME_OF_DAY.matcher(timesOfDay.get(i)).matches();
            check.require(valid, "timesOfDay[" + i + "]", "must be a time of day as HH:mm, e.g. 17:30");
            ok &= valid;
        }
        boolean daysOk = weekdays == null || weekdays.stream().noneMatch(Objects::isNull);
        check.require(daysOk, "weekdays", "must name days MONDAY to SUNDAY");
        return ok && daysOk;
    }

    private void checkInterval(InputCheck check, ZoneId zone, Instant now) {
        List<Instant> next = FirePlan.of(cronOrNull(), timesOrEmpty(), weekdaysOrEmpty(), zone,
            io.kioskfleet.core.calendar.ClosedDays.NONE).after(now, 2);
        if (next.isEmpty()) {
            check.reject(cron != null ? "cron" : "timesOfDay", "never fires");
        } else if (next.size() == 2 && Duration.between(next.get(0), next.get(1)).compareTo(SHORTEST_INTERVAL) < 0) {
            check.reject("cron", "fires more often than once a minute");
        }
    }

    private void checkTarget(InputCheck check) {
        if (target == null) {
            return;
        }
        int size = target.ouIds().size() + target.tags().size() + target.deviceIds().size();
        check.require(size <= MAX_TARGETS, "target", "must name at most " + MAX_TARGETS + " units, tags and devices");
        check.require(target.ouIds().stream().noneMatch(ScheduleDraft::blank), "target.ouIds", "must not contain blanks");
        check.require(target.tags().stream().noneMatch(ScheduleDraft::blank), "target.tags", "must not contain blanks");
        check.require(target.deviceIds().stream().noneMatch(ScheduleDraft::blank), "target.deviceIds",
            "must not contain blanks");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void between(InputCheck check, String path, Integer value, int min, int max) {
        check.require(value == null || value >= min && value <= max, path, "must be from " + min + " to " + max);
    }

    ZoneId zoneOrDefault(ZoneId defaultZone) {
        return timeZone == null ? defaultZone : ZoneId.of(timeZone);
    }

    String cronOrNull() {
        return cron == null || cron.isBlank() ? null : cron.strip();
    }

    List<String> timesOrEmpty() {
        return timesOfDay == null ? List.of() : timesOfDay;
    }

    List<DayOfWeek> weekdaysOrEmpty() {
        return weekdays == null ? List.of() : weekdays.stream().distinct().sorted().toList();
    }

    /** The schedule this draft describes, with every default filled in. */
    Schedule toSchedule(String id, ZoneId defaultZone, Instant createdAt, String createdBy, Instant now, String by,
                        long version) {
        return new Schedule(id, name.strip(), kind, cronOrNull(), timesOrEmpty().stream().sorted().toList(),
            weekdaysOrEmpty(), zoneOrDefault(defaultZone).getId(), holidayRule == null ? HolidayRule.RUN : holidayRule,
            target, spreadMinutes == null ? 0 : spreadMinutes, batchSize == null ? DEFAULT_BATCH_SIZE : batchSize,
            thresholdMinutes, kind == ScheduleKind.EVIDENCE_REPORT && reportPeriod == null ? ReportPeriod.DAY : reportPeriod,
            misfireRule == null ? MisfireRule.RUN_ONCE_LATE : misfireRule,
            maxLatenessMinutes == null ? DEFAULT_LATENESS_MINUTES : maxLatenessMinutes, enabled == null || enabled,
            createdAt, createdBy, now, by, version);
    }
}
