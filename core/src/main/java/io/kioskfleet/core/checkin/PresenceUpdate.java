package io.kioskfleet.core.checkin;

import java.time.Instant;
import java.util.List;

/**
 * What one flush writes for a device: its latest check-in, how many check-ins arrived since the
 * last flush (usually one), and when the last few of them were.
 *
 * @param latest the newest check-in
 * @param count  how many check-ins since the last flush
 * @param times  when the last of them arrived, oldest first, at most {@link DevicePresence#RECENT}
 */
record PresenceUpdate(DevicePresence latest, long count, List<Instant> times) {

    PresenceUpdate {
        times = List.copyOf(times.subList(Math.max(0, times.size() - DevicePresence.RECENT), times.size()));
    }
}
