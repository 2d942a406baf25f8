package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.devices.DeviceRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Device keys and statuses in memory, so a check-in costs no store read for them. An entry is
 * dropped when the device changes through this instance, and is read again after
 * {@link #MAX_AGE} at the latest, so a change made by another instance (a retirement) takes
 * effect within that time.
 */
public final class DeviceCredentialCache {

    /** How long an entry is trusted without a change notice. */
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final DeviceRegistry devices;
    private final Clock clock;
    private final ConcurrentMap<String, DeviceCredentials> byDeviceId = new ConcurrentHashMap<>();

    public DeviceCredentialCache(DeviceRegistry devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
        devices.whenChanged(byDeviceId::remove);
    }

    /** The device's credentials, from memory when fresh, else from the store; empty for an unknown device. */
    Optional<DeviceCredentials> find(String deviceId) {
        Instant now = clock.instant();
        DeviceCredentials known = byDeviceId.get(deviceId);
        if (known != null && known.loadedAt().plus(MAX_AGE).isAfter(now)) {
            return Optional.of(known);
        }
        Optional<DeviceCredentials> loaded = devices.find(deviceId).map(device -> DeviceCredentials.of(device, now));
        loaded.ifPresentOrElse(credentials -> byDeviceId.put(deviceId, credentials), () -> byDeviceId.remove(deviceId));
        return loaded;
    }

    /** The raw Ed25519 key the device enrolled with, from memory when fresh; empty when it has none. */
    public Optional<byte[]> enrolledKeyOf(String deviceId) {
        return find(deviceId).map(DeviceCredentials::publicKey);
    }

    /** How many devices are held, for tests and metrics. */
    public int size() {
        return byDeviceId.size();
    }
}
