package io.kioskfleet.core.sessions;

import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One guest (or named) session on a device, stored in the month of its start.
 *
 * @param id         {@code ses_…}, chosen by the device
 * @param deviceId   the device
 * @param ouId       the device's unit when the session started
 * @param user       who signed in, or null for a guest
 * @param desk       the desk, or null
 * @param policyEtag the policy the device enforced, or null
 * @param startedAt  when it started (device clock)
 * @param endReason  why it ended, or null while it runs
 * @param endedAt    when it ended (device clock), or null
 * @param state      where it is
 * @param version    optimistic-concurrency version
 */
public record Session(@BsonId String id, String deviceId, String ouId, String user, String desk, String policyEtag,
                      Instant startedAt, SessionEndReason endReason, Instant endedAt, SessionState state,
                      long version) {

    static Session started(String deviceId, String ouId, SessionStart start) {
        return new Session(start.sessionId(), deviceId, ouId, start.user(), start.desk(), start.policyEtag(),
            millis(start.startedAt()), null, null, SessionState.STARTED, 1);
    }

    /** True when {@code start} reports this same start again. */
    boolean sameStart(String otherDeviceId, SessionStart start) {
        return deviceId.equals(otherDeviceId) && Objects.equals(user, start.user()) && Objects.equals(desk, start.desk())
            && Objects.equals(policyEtag, start.policyEtag()) && startedAt.equals(millis(start.startedAt()));
    }

    /** True when {@code end} reports this session's recorded end again. */
    boolean sameEnd(SessionEnd end) {
        return endReason == end.reason() && Objects.equals(endedAt, millis(end.endedAt()));
    }

    Session ended(SessionEnd end) {
        return new Session(id, deviceId, ouId, user, desk, policyEtag, startedAt, end.reason(), millis(end.endedAt()),
            SessionState.ENDED, version + 1);
    }

    /** The store keeps milliseconds, so a repeated report is compared at that precision. */
    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    Session inState(SessionState newState) {
        return new Session(id, deviceId, ouId, user, desk, policyEtag, startedAt, endReason, endedAt, newState,
            version + 1);
    }
}
