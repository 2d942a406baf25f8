package io.kioskfleet.protocol.sessions;

/** Where a session is in its life: STARTED, ENDED, then VERIFIED once a valid wipe attestation arrived. */
public enum SessionState {
    /** The device reported the start. */
    STARTED,
    /** The device reported the end; the wipe attestation has not arrived. */
    ENDED,
    /** A valid, signed attestation proves the session's data was erased. */
    VERIFIED,
    /** A valid attestation arrived, but the device's own re-scan found data it could not erase. */
    WIPE_FAILED,
    /** No valid attestation arrived in time (set by a later sweep). */
    UNVERIFIED
}
