package io.kioskfleet.protocol.sessions;

/**
 * The server's answer to a session event or attestation: the session's state now.
 *
 * @param sessionId {@code ses_…}
 * @param state     its state after the call
 */
public record SessionReceipt(String sessionId, SessionState state) {
}
