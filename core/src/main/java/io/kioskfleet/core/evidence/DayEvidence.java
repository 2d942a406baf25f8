package io.kioskfleet.core.evidence;

import java.time.LocalDate;

/**
 * The sessions that started on one local day of the period.
 *
 * @param day    the day in the console's time zone
 * @param totals its sessions by verdict
 */
public record DayEvidence(LocalDate day, EvidenceTotals totals) {
}
