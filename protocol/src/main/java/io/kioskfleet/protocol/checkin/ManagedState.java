package io.kioskfleet.protocol.checkin;

/** How the server sees a device that checks in. */
public enum ManagedState {
    /** Managed as usual: enforce the policy. */
    ENROLLED,
    /** Reported lost: lock the screen; only LOCK and WIPE commands will come. */
    LOCKED
}
