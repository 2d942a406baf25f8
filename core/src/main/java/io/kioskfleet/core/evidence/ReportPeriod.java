package io.kioskfleet.core.evidence;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** How much an {@code EVIDENCE_REPORT} schedule reports at each fire: the previous day, week (Monday to Monday) or month. */
public enum ReportPeriod {
    DAY, WEEK, MONTH;

    /**
     * The period of an EVIDENCE_REPORT schedule stored before schedules had a report period, when
     * its threshold stood for it: none or up to a day is DAY, up to a week is WEEK, longer is MONTH.
     */
    public static ReportPeriod ofThreshold(Duration threshold) {
        if (threshold == null || threshold.compareTo(Duration.ofDays(1)) <= 0) {
            return DAY;
        }
        return threshold.compareTo(Duration.ofDays(7)) <= 0 ? WEEK : MONTH;
    }

    /** The whole period of this length that ended last before {@code firedAt}, in {@code zone}'s calendar. */
    public EvidenceQuery previous(Instant firedAt, ZoneId zone, java.util.List<String> ouIds) {
        LocalDate today = firedAt.atZone(zone).toLocalDate();
        LocalDate end = switch (this) {
            case DAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> today.withDayOfMonth(1);
        };
        LocalDate start = switch (this) {
            case DAY -> end.minusDays(1);
            case WEEK -> end.minusWeeks(1);
            case MONTH -> end.minusMonths(1);
        };
        return new EvidenceQuery(start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), ouIds);
    }
}
