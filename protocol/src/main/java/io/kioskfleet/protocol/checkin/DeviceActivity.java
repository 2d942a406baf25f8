package io.kioskfleet.protocol.checkin;

/** What the device is doing when it checks in. */
public enum DeviceActivity {
    /** No session; waiting for a user. */
    IDLE,
    /** A guest or named session is running. */
    IN_SESSION,
    /** Erasing what the last session left. */
    WIPING
}
