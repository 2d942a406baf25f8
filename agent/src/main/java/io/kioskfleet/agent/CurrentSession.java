package io.kioskfleet.agent;

import java.time.Instant;

/**
 * The session the device is in, or last was in until its wipe is attested, as the state directory keeps it.
 *
 * @param sessionId {@code ses_…}, chosen by the device
 * @param startedAt when it started
 * @param endedAt   when it ended, or null while it runs
 */
public record CurrentSession(String sessionId, Instant startedAt, Instant endedAt) {

    CurrentSession ended(Instant at) {
        return new CurrentSession(sessionId, startedAt, at);
    }
}
