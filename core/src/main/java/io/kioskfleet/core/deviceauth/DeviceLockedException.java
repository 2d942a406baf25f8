package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.access.RefusedException;

/**
 * A locked (lost) device asked for something other than its check-in or a command's
 * acknowledgement or result (an HTTP caller sees 403 {@code device-locked}).
 */
public class DeviceLockedException extends RefusedException {

    public DeviceLockedException(String deviceId) {
        super("device-locked", "device " + deviceId + " is locked as lost; it may only check in and answer its commands");
    }
}
