package io.kioskfleet.core.checkin;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The device list filtered by when each device last checked in. Check-ins live in
 * {@code device_presence}, apart from the devices, so the filter reads every device's last
 * check-in (one pass, as the dashboard does) and narrows the device query to the ids that match;
 * scoping and paging stay {@link DeviceRegistry}'s.
 */
public final class DevicesByLastSeen {

    private final DeviceRegistry devices;
    private final PresenceRepository presence;
    private final Clock clock;
    private final Duration onlineWindow;

    public DevicesByLastSeen(DeviceRegistry devices, PresenceRepository presence, Clock clock, Duration onlineWindow) {
        this.devices = devices;
        this.presence = presence;
        this.clock = clock;
        this.onlineWindow = onlineWindow;
    }

    /** One page of the devices the actor may see that match {@code query} and, unless null, {@code lastSeen}. */
    public Page<Device> search(Actor actor, DeviceQuery query, LastSeen lastSeen, PageRequest page) {
        if (lastSeen == null) {
            return devices.search(actor, query, page);
        }
        Map<String, Instant> seen = presence.lastSeenByDevice();
        Instant now = clock.instant();
        DeviceQuery narrowed = switch (lastSeen.kind()) {
            case ONLINE -> query.onlyDevices(seenWhen(seen, at -> !at.isBefore(now.minus(onlineWindow))));
            case SILENT -> query.onlyDevices(seenWhen(seen, at -> at.isBefore(now.minus(Duration.ofHours(lastSeen.silentHours())))));
            case NEVER -> query.exceptDevices(seen.keySet());
        };
        return devices.search(actor, narrowed, page);
    }

    private static Set<String> seenWhen(Map<String, Instant> seen, Predicate<Instant> when) {
        return seen.entrySet().stream().filter(entry -> when.test(entry.getValue())).map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    }
}
