package io.kioskfleet.core.evidence;

import io.kioskfleet.core.devices.DeviceStatus;
import java.time.Instant;
import java.util.List;

/**
 * One device's part of a report.
 *
 * @param deviceId   the device
 * @param ouId       its unit
 * @param branch     its unit's name
 * @param status     its status now
 * @param lastSeenAt its last check-in, or null when it never checked in
 * @param totals     its sessions of the period by verdict
 * @param sessions   its sessions, oldest first (empty in a list of devices)
 */
public record DeviceEvidence(String deviceId, String ouId, String branch, DeviceStatus status, Instant lastSeenAt,
                             EvidenceTotals totals, List<SessionLine> sessions) {
}
