package io.kioskfleet.core.evidence;

/**
 * One branch's (unit's) part of a report: the sessions of the devices that belong to it directly.
 *
 * @param ouId    the unit
 * @param name    its name
 * @param devices how many of its devices the report covers
 * @param totals  its sessions by verdict
 */
public record BranchEvidence(String ouId, String name, int devices, EvidenceTotals totals) {
}
