package io.kioskfleet.protocol.policy;

import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;

/**
 * The daily local-time window in which the device may update and reboot; it may cross
 * midnight ({@code end} before {@code start}).
 */
public record MaintenanceWindow(LocalTime start, LocalTime end) {

    public MaintenanceWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("a maintenance window needs start != end");
        }
    }

    Map<String, Object> canonicalTree() {
        return Map.of("start", DevicePolicy.timeOfDay(start), "end", DevicePolicy.timeOfDay(end));
    }
}
