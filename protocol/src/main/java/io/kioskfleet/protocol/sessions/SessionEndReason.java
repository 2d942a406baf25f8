package io.kioskfleet.protocol.sessions;

/** Why a guest session ended. */
public enum SessionEndReason {
    /** The session reached the policy's maximum length. */
    TIMEOUT,
    /** Nobody used the device for the policy's idle time. */
    IDLE,
    /** A scheduled logout time of the policy came. */
    SCHEDULE,
    /** The user logged out. */
    USER,
    /** A LOGOUT (or WIPE) command from the server. */
    COMMAND
}
