package io.kioskfleet.console.schedules;

import io.kioskfleet.core.evidence.ReportPeriod;
import io.kioskfleet.core.schedules.HolidayRule;
import io.kioskfleet.core.schedules.MisfireRule;
import io.kioskfleet.core.schedules.Schedule;
import io.kioskfleet.core.schedules.ScheduleDraft;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleTarget;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;

/**
 * The console's schedule form as posted: times of day typed in one field ("12:00 17:30"), one
 * unit to target (or none: the whole fleet), and a checkbox for skipping holidays.
 */
public record ScheduleForm(String name, ScheduleKind kind, String ouId, String timesOfDay, String cron,
                           List<DayOfWeek> weekdays, String timeZone, Boolean skipHolidays, Integer spreadMinutes,
                           Integer batchSize, Integer thresholdMinutes, ReportPeriod reportPeriod, MisfireRule misfireRule,
                           Integer maxLatenessMinutes, Long version) {

    /** An empty form for a new schedule: weekdays, skipping holidays, in the service's zone. */
    static ScheduleForm blank(String zone) {
        return new ScheduleForm("", ScheduleKind.LOGOUT_AND_WIPE, null, "", "", List.of(DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), zone, true, 0, 500, null,
            null, MisfireRule.RUN_ONCE_LATE, 30, null);
    }

    /** The form showing {@code schedule}'s settings, for editing. */
    static ScheduleForm of(Schedule schedule) {
        return new ScheduleForm(schedule.name(), schedule.kind(),
            schedule.target().ouIds().isEmpty() ? null : schedule.target().ouIds().get(0),
            String.join(" ", schedule.timesOfDay()), schedule.cron() == null ? "" : schedule.cron(), schedule.weekdays(),
            schedule.timeZone(), schedule.holidayRule() == HolidayRule.SKIP, schedule.spreadMinutes(),
            schedule.batchSize(), schedule.thresholdMinutes(), schedule.reportPeriod(), schedule.misfireRule(), schedule.maxLatenessMinutes(),
            schedule.version());
    }

    /** True when {@code day} is ticked. */
    public boolean on(DayOfWeek day) {
        return weekdays != null && weekdays.contains(day);
    }

    ScheduleDraft draft(List<String> keptDeviceIds, List<String> keptTags, Boolean enabled) {
        List<String> times = timesOfDay == null || timesOfDay.isBlank() ? List.of()
            : Arrays.stream(timesOfDay.strip().split("[\\s,、]+")).toList();
        boolean hasCron = cron != null && !cron.isBlank();
        ScheduleTarget target = new ScheduleTarget(ouId == null || ouId.isBlank() ? List.of() : List.of(ouId), keptTags,
            keptDeviceIds);
        return new ScheduleDraft(name, kind, hasCron ? cron : null, times, hasCron ? List.of() : weekdays,
            timeZone == null || timeZone.isBlank() ? null : timeZone.strip(),
            Boolean.TRUE.equals(skipHolidays) ? HolidayRule.SKIP : HolidayRule.RUN, target, spreadMinutes, batchSize,
            thresholdMinutes, kind == ScheduleKind.EVIDENCE_REPORT ? reportPeriod : null, misfireRule, maxLatenessMinutes,
            enabled);
    }
}
