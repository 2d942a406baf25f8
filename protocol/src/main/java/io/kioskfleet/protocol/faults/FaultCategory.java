package io.kioskfleet.protocol.faults;

/** What kind of fault a device reports, so the helpdesk can sort them without reading each. */
public enum FaultCategory {
    /** The network (Wi-Fi, VPN, certificates) does not work. */
    NETWORK,
    /** A wipe could not erase or verify everything. */
    WIPE,
    /** The device's storage is full or failing. */
    STORAGE,
    /** The battery or power. */
    POWER,
    /** The display, keyboard, camera or another part. */
    HARDWARE,
    /** The agent itself failed. */
    AGENT,
    /** Anything else. */
    OTHER
}
