package io.kioskfleet.core.sessions;

import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * @param preserveAtStart the {@code wipe.preserve} patterns of that policy, kept when the session
 *                   started under the policy then in force for the device (its ETag matched); null
 *                   when the device reported another policy or none, and then its attestation is
 *                   checked against the policy in force when it arrives
 * @param startedAt  when it started (device clock)
 * @param endReason  why it ended, or null while it runs
 * @param endedAt    when it ended (device clock), or null
 * @param state      where it is
 * @param version    optimistic-concurrency version
 * @param seal       the server's {@link RecordSeals seal} of its evidence fields, set on every write; null
 *                   until first stored, and on records from before seals existed
 */
public record Session(@BsonId String id, String deviceId, String ouId, String user, String desk, String policyEtag,
                      List<String> preserveAtStart, Instant startedAt, SessionEndReason endReason, Instant endedAt, SessionState state,
                      long version, String seal) {

    /** A session as the service records it, before it is stored and sealed. */
    public Session(String id, String deviceId, String ouId, String user, String desk, String policyEtag,
                   List<String> preserveAtStart, Instant startedAt, SessionEndReason endReason, Instant endedAt,
                   SessionState state, long version) {
        this(id, deviceId, ouId, user, desk, policyEtag, preserveAtStart, startedAt, endReason, endedAt, state, version, null);
    }

    /**
     * @param preserveAtStart the preserve patterns of the policy whose ETag the start reports, if the
     *                        server knows it (null otherwise)
     */
    static Session started(String deviceId, String ouId, SessionStart start, List<String> preserveAtStart) {
        return new Session(start.sessionId(), deviceId, ouId, start.user(), start.desk(), start.policyEtag(),
            preserveAtStart == null ? null : List.copyOf(preserveAtStart), millis(start.startedAt()), null, null,
            SessionState.STARTED, 1);
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
        return new Session(id, deviceId, ouId, user, desk, policyEtag, preserveAtStart, startedAt, end.reason(),
            millis(end.endedAt()), SessionState.ENDED, version + 1, seal);
    }

    /** The store keeps milliseconds, so a repeated report is compared at that precision. */
    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    Session inState(SessionState newState) {
        return new Session(id, deviceId, ouId, user, desk, policyEtag, preserveAtStart, startedAt, endReason, endedAt,
            newState, version + 1, seal);
    }

    Session withSeal(String newSeal) {
        return new Session(id, deviceId, ouId, user, desk, policyEtag, preserveAtStart, startedAt, endReason, endedAt,
            state, version, newSeal);
    }
}
