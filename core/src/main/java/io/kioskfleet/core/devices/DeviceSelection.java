package io.kioskfleet.core.devices;

import java.util.List;
import java.util.Set;

/**
 * The devices a fleet-wide action (a scheduled wave) reaches: those of the units (already widened
 * to their sub-units by the caller), those carrying one of the tags, and the named ones; all three
 * empty means the whole fleet. Retired and never-enrolled devices are never selected.
 *
 * @param ouIds     units, with their sub-units
 * @param tags      tags
 * @param deviceIds device ids
 */
public record DeviceSelection(Set<String> ouIds, List<String> tags, List<String> deviceIds) {

    public DeviceSelection {
        ouIds = ouIds == null ? Set.of() : Set.copyOf(ouIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
    }

    /** True when nothing narrows the selection. */
    public boolean wholeFleet() {
        return ouIds.isEmpty() && tags.isEmpty() && deviceIds.isEmpty();
    }
}
