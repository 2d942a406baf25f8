package io.kioskfleet.console.schedules;

import io.kioskfleet.core.evidence.ReportPeriod;
import io.kioskfleet.core.schedules.HolidayRule;
import io.kioskfleet.core.schedules.MisfireRule;
import io.kioskfleet.core.schedules.ScheduleDraft;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleTarget;
import java.time.DayOfWeek;
import java.util.List;

/**
 * The body of a create or change request for a schedule (see {@link ScheduleDraft} for each field).
 *
 * @param version the version the caller read; used when changing, ignored when creating
 */
public record ScheduleRequest(String name, ScheduleKind kind, String cron, List<String> timesOfDay,
                              List<DayOfWeek> weekdays, String timeZone, HolidayRule holidayRule, ScheduleTarget target,
                              Integer spreadMinutes, Integer batchSize, Integer thresholdMinutes, ReportPeriod reportPeriod,
                              MisfireRule misfireRule, Integer maxLatenessMinutes, Boolean enabled, Long version) {

    ScheduleDraft draft() {
        return new ScheduleDraft(name, kind, cron, timesOfDay, weekdays, timeZone, holidayRule, target, spreadMinutes,
            batchSize, thresholdMinutes, reportPeriod, misfireRule, maxLatenessMinutes, enabled);
    }
}
