package io.kioskfleet.protocol.policy;

/** How far clipboard contents may travel from the guest session. */
public enum ClipboardMode {
    BLOCKED, WITHIN_SESSION, ALLOWED
}
