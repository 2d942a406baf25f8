package io.kioskfleet.core.checkin;

import java.time.Duration;

/**
 * When a device should check in next: a base interval, moved by an offset that is fixed per
 * device (from a hash of its id), so a fleet that starts together spreads out over the interval
 * instead of arriving at once, and each device keeps a steady rhythm.
 *
 * @param base   the mean time between check-ins
 * @param spread how far one device's interval may lie from the base, either way
 */
public record CheckInInterval(Duration base, Duration spread) {

    /** Five minutes, spread by a minute either way. */
    public static final CheckInInterval DEFAULT = new CheckInInterval(Duration.ofMinutes(5), Duration.ofMinutes(1));

    public CheckInInterval {
        if (base.isNegative() || base.isZero() || spread.isNegative() || spread.compareTo(base) >= 0) {
            throw new IllegalArgumentException("the check-in interval must be positive and larger than its spread");
        }
    }

    /** The seconds {@code deviceId} waits until its next check-in. */
    public int secondsFor(String deviceId) {
        long spreadSeconds = spread.toSeconds();
        // Spread the hash's bits before taking the offset: ids that differ in one character still land apart.
        int mixed = deviceId.hashCode() * 0x9E3779B9;
        long offset = spreadSeconds == 0 ? 0 : Math.floorMod(mixed ^ (mixed >>> 16), 2 * spreadSeconds + 1) - spreadSeconds;
        return (int) (base.toSeconds() + offset);
    }
}
