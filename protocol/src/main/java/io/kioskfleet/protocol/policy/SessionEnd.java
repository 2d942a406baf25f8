package io.kioskfleet.protocol.policy;

/** What may end a guest session on the device. */
public enum SessionEnd {
    TIMEOUT, IDLE, SCHEDULE, COMMAND
}
