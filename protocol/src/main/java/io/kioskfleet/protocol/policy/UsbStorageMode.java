package io.kioskfleet.protocol.policy;

/** What the guest session may do with USB mass storage. */
public enum UsbStorageMode {
    BLOCKED, READ_ONLY, ALLOWED
}
