package io.kioskfleet.core.schedules;

import java.util.List;

/**
 * The devices a schedule acts on: every device of the named units (with their sub-units), every
 * device carrying one of the tags, and the named devices. Empty lists mean "none of this kind";
 * a target with all three empty means the whole fleet.
 */
public record ScheduleTarget(List<String> ouIds, List<String> tags, List<String> deviceIds) {

    public ScheduleTarget {
        ouIds = ouIds == null ? List.of() : List.copyOf(ouIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
    }

    /** Every device of the fleet. */
    public static ScheduleTarget wholeFleet() {
        return new ScheduleTarget(List.of(), List.of(), List.of());
    }

    /** True when nothing narrows the target. */
    public boolean isWholeFleet() {
        return ouIds.isEmpty() && tags.isEmpty() && deviceIds.isEmpty();
    }
}
