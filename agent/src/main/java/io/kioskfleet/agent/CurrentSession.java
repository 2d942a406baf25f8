package io.kioskfleet.agent;

import io.kioskfleet.protocol.sessions.SessionStart;
import java.time.Instant;

/**
 * The session the device is in, or last was in until its wipe is attested, as the state directory keeps it.
 *
 * @param start   the start as reported (sent again as it was when the report may not have arrived)
 * @param endedAt when it ended, or null while it runs
 */
public record CurrentSession(SessionStart start, Instant endedAt) {

    /** {@code ses_…}, chosen by the device. */
    public String sessionId() {
        return start.sessionId();
    }

    CurrentSession ended(Instant at) {
        return new CurrentSession(start, at);
    }
}
