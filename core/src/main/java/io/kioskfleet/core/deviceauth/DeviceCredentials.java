package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.time.Instant;

/**
 * What authenticating a device needs from its record, decoded once and kept in memory.
 *
 * @param deviceId  {@code dev_…}
 * @param ouId      its organisation unit
 * @param status    its status
 * @param publicKey its raw Ed25519 public key, or null when it never enrolled
 * @param loadedAt  when this was read from the store
 */
record DeviceCredentials(String deviceId, String ouId, DeviceStatus status, byte[] publicKey, Instant loadedAt) {

    static DeviceCredentials of(Device device, Instant now) {
        byte[] key = device.publicKey() == null ? null : DeviceKeyPair.decodePublicKey(device.publicKey());
        return new DeviceCredentials(device.id(), device.ouId(), device.status(), key, now);
    }
}
