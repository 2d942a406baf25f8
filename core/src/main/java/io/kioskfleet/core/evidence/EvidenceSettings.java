package io.kioskfleet.core.evidence;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How reports judge time.
 *
 * @param zone         the time zone of a report's days (the console's, {@code Asia/Tokyo} by default)
 * @param lateAfter    a wipe that finishes longer than this after its session ended is late
 * @param offlineAfter a device not seen for longer than this before the period's end is offline
 */
public record EvidenceSettings(ZoneId zone, Duration lateAfter, Duration offlineAfter) {

    /** Tokyo days, wipes due within 15 minutes, offline after a day without a check-in. */
    public static final EvidenceSettings DEFAULT =
        new EvidenceSettings(ZoneId.of("Asia/Tokyo"), Duration.ofMinutes(15), Duration.ofDays(1));

    public EvidenceSettings {
        Objects.requireNonNull(zone, "zone");
        if (lateAfter == null || lateAfter.isNegative() || offlineAfter == null || offlineAfter.isNegative()) {
            throw new IllegalArgumentException("lateAfter and offlineAfter must be zero or more");
        }
    }
}
