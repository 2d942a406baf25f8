package io.kioskfleet.protocol.checkin;

import java.time.Instant;

/**
 * The server's clock, answered to anyone at {@code GET /agent/v1/time}: a device whose request was
 * refused as stale can see how far off its own clock is before it signs again.
 *
 * @param serverTime the server's clock when it answered
 */
public record ServerTime(Instant serverTime) {
}
