package io.kioskfleet.jobs;

import io.kioskfleet.core.evidence.ReportPeriod;
import io.kioskfleet.core.schedules.Schedule;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@code EVIDENCE_REPORT} schedule's fire reports: the whole period before the fire, in the
 * calendar of the schedule's zone.
 *
 * @param zone   the zone whose days, weeks and months are meant
 * @param period the length of the period reported
 */
public record ReportTerms(ZoneId zone, ReportPeriod period) {

    public ReportTerms {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(period, "period");
    }

    /** The terms {@code schedule} sets; the previous day in {@code defaultZone} when it is gone. */
    public static ReportTerms of(Optional<Schedule> schedule, ZoneId defaultZone) {
        return schedule.filter(found -> found.reportPeriod() != null)
            .map(found -> new ReportTerms(found.zone(), found.reportPeriod()))
            .orElseGet(() -> new ReportTerms(defaultZone, ReportPeriod.DAY));
    }
}
