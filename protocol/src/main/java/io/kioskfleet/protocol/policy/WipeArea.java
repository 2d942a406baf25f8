package io.kioskfleet.protocol.policy;

/** An area of the device that the wipe after a session erases. */
public enum WipeArea {
    SESSION_PROFILE, DOWNLOADS, BROWSER_DATA, CACHES, TEMP
}
