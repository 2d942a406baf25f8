package io.kioskfleet.protocol.sessions;

import java.time.Instant;

/**
 * A device reports that a session started (the body of {@code POST /agent/v1/sessions}).
 *
 * @param sessionId  the id the device chose, see {@link SessionIds}
 * @param user       who signed in, or null for a guest session
 * @param desk       the desk the device is at, or null
 * @param policyEtag the ETag of the policy the device enforces in this session, or null
 * @param startedAt  when the session started, by the device's clock
 */
public record SessionStart(String sessionId, String user, String desk, String policyEtag, Instant startedAt) {

    /** True for a guest (anonymous) session. */
    public boolean guest() {
        return user == null;
    }
}
