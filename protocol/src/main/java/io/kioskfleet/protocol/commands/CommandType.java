package io.kioskfleet.protocol.commands;

/** What a command orders a device to do. */
public enum CommandType {
    /** End the running session (and wipe it, as after any session). */
    LOGOUT,
    /** Erase the session areas (or the given ones) now. */
    WIPE,
    /** Emergency stop for a lost device: lock the screen and stay locked until unlocked. */
    LOCK,
    /** Restart the device. */
    REBOOT,
    /** Show a message to whoever sits at the device. */
    MESSAGE,
    /** Fetch the policy again, even if the held one looks current. */
    REFRESH_POLICY,
    /** Leave the fleet: forget the enrollment; the server retires the device once this succeeds. */
    RETIRE
}
