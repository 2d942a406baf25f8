package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.devices.DeviceStatus;

/**
 * A device whose request was signed with its enrolled key: who it is, where it belongs, and its
 * status (a LOCKED device is authenticated but may only be told to lock and wipe).
 *
 * @param deviceId {@code dev_…}
 * @param ouId     its organisation unit
 * @param status   ENROLLED or LOCKED
 */
public record AuthenticatedDevice(String deviceId, String ouId, DeviceStatus status) {

    /** True when the device is locked as lost. */
    public boolean locked() {
        return status == DeviceStatus.LOCKED;
    }

    /** @throws DeviceLockedException when the device is locked, for every call a lost device may not make */
    public void requireNotLocked() {
        if (locked()) {
            throw new DeviceLockedException(deviceId);
        }
    }
}
