package io.kioskfleet.core.evidence;

import java.time.Instant;
import java.util.List;

/**
 * One evidence report an {@code EVIDENCE_REPORT} schedule produced, without its files.
 *
 * @param id           the job run that produced it (one report per run)
 * @param scheduleName the schedule's name then
 * @param period       DAY, WEEK or MONTH
 * @param from         the period's start
 * @param to           the period's end (exclusive)
 * @param ouIds        the units reported on (empty: the whole fleet)
 * @param sessions     sessions that started in the period
 * @param gaps         gaps the report spells out
 * @param csvBytes     the CSV export's size
 * @param pdfBytes     the PDF export's size
 * @param producedAt   when it was made
 */
public record ScheduledReport(String id, String scheduleName, ReportPeriod period, Instant from, Instant to,
                              List<String> ouIds, long sessions, long gaps, int csvBytes, int pdfBytes, Instant producedAt) {

    public ScheduledReport {
        ouIds = ouIds == null ? List.of() : List.copyOf(ouIds);
    }

    /** What the job run record says it produced. */
    public String detail() {
        return "evidence report " + period + " " + from + "/" + to + ": " + sessions + " sessions, " + gaps + " gaps";
    }
}
