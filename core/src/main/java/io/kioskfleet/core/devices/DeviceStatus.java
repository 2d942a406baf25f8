package io.kioskfleet.core.devices;

/** Where a device is in its life with the fleet. */
public enum DeviceStatus {
    /** IT registered its serial; it has not enrolled yet. */
    PREREGISTERED,
    /** Enrolled and managed. */
    ENROLLED,
    /** Reported lost: it may only receive LOCK and WIPE. */
    LOCKED,
    /** Out of the fleet for good: every request it makes is refused. */
    RETIRED
}
