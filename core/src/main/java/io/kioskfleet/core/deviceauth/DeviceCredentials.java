package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import io.kioskfleet.protocol.signing.VerifyKey;

/**
 * What authenticating a device needs from its record, decoded once and kept in memory.
 *
 * @param deviceId  {@code dev_…}
 * @param ouId      its organisation unit
 * @param status    its status
 * @param publicKey its Ed25519 public key, decoded once for all its requests; null when it never enrolled
 * @param readAtMillis when this was read from the store (epoch milliseconds)
 */
record DeviceCredentials(String deviceId, String ouId, DeviceStatus status, VerifyKey publicKey, long readAtMillis) {

    static DeviceCredentials of(Device device, long readAtMillis) {
        VerifyKey key = device.publicKey() == null ? null : VerifyKey.of(DeviceKeyPair.decodePublicKey(device.publicKey()));
        // Units are few and devices many: share one string per unit id.
        return new DeviceCredentials(device.id(), device.ouId().intern(), device.status(), key, readAtMillis);
    }
}
