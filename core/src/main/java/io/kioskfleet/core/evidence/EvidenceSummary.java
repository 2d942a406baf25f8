package io.kioskfleet.core.evidence;

import io.kioskfleet.core.audit.ChainVerification;
import java.time.Instant;
import java.util.List;

/**
 * A report's first page: totals, per branch and per day, and the gaps to look at.
 *
 * @param query       what was asked
 * @param generatedAt when the report was made
 * @param devices     how many devices it covers
 * @param totals      all sessions by verdict
 * @param branches    per branch, by name
 * @param days        per local day, oldest first
 * @param gaps        the first {@value EvidenceReports#GAPS_SHOWN} gaps (every one is in the export)
 * @param gapCount    how many gaps there are in all
 * @param chain       the audit chain walked again
 */
public record EvidenceSummary(EvidenceQuery query, Instant generatedAt, int devices, EvidenceTotals totals,
                              List<BranchEvidence> branches, List<DayEvidence> days, List<EvidenceGap> gaps,
                              long gapCount, ChainVerification chain) {
}
