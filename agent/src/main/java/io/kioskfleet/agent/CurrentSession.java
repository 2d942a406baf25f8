package io.kioskfleet.agent;

import io.kioskfleet.protocol.policy.DevicePolicy;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionStart;
import java.time.Instant;

/**
 * The session the device is in, or last was in until its wipe is attested, as the state directory keeps it.
 *
 * @param start     the start as reported (sent again as it was when the report may not have arrived)
 * @param endedAt   when it ended, or null while it runs
 * @param endReason why it ended, or null while it runs (and in files written before it was kept)
 * @param policy    the policy held when it started, whose preserve list and scope its wipe follows;
 *                  null when the one-shot commands started it (they wipe by the policy held then)
 */
public record CurrentSession(SessionStart start, Instant endedAt, SessionEndReason endReason, DevicePolicy policy) {

    /** A session that has just started under {@code policy} (null: none kept with it). */
    static CurrentSession started(SessionStart start, DevicePolicy policy) {
        return new CurrentSession(start, null, null, policy);
    }

    /** {@code ses_…}, chosen by the device. */
    public String sessionId() {
        return start.sessionId();
    }

    /** True until the session ends. */
    public boolean running() {
        return endedAt == null;
    }

    CurrentSession ended(Instant at, SessionEndReason reason) {
        return new CurrentSession(start, at, reason, policy);
    }
}
