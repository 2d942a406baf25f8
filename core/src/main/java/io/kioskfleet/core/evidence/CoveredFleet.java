package io.kioskfleet.core.evidence;

import io.kioskfleet.core.devices.DeviceSummary;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The part of the fleet a report covers: its units (null: every unit), its devices in a stable
 * order (branch name, then id), the units' names, and when each device last checked in.
 */
record CoveredFleet(Set<String> ouIds, List<DeviceSummary> devices, Set<String> deviceIds,
                    Map<String, String> unitNames, Map<String, Instant> lastSeen) {

    static CoveredFleet of(Set<String> ouIds, List<DeviceSummary> devices, Map<String, String> unitNames,
                           Map<String, Instant> lastSeen) {
        List<DeviceSummary> ordered = devices.stream()
            .sorted(Comparator.comparing((DeviceSummary device) -> unitNames.getOrDefault(device.ouId(), ""))
                .thenComparing(DeviceSummary::id))
            .toList();
        return new CoveredFleet(ouIds, ordered, ordered.stream().map(DeviceSummary::id).collect(Collectors.toSet()),
            unitNames, lastSeen);
    }

    boolean covers(String deviceId) {
        return deviceIds.contains(deviceId);
    }

    String nameOf(String ouId) {
        return unitNames.getOrDefault(ouId, ouId);
    }
}
