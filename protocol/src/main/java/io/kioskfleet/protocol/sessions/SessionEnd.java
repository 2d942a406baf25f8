package io.kioskfleet.protocol.sessions;

import java.time.Instant;

/**
 * A device reports that a session ended (the body of {@code POST /agent/v1/sessions/{id}/end}).
 *
 * @param reason  why it ended
 * @param endedAt when, by the device's clock
 */
public record SessionEnd(SessionEndReason reason, Instant endedAt) {
}
