package io.kioskfleet.policies.inheritance;

import io.kioskfleet.policies.catalogue.Catalogue;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Settings one device runs with instead of its OU's, until {@code expiresAt}, for example USB
 * storage for a week of data migration. It never overrides a locked setting.
 */
public record DeviceException(String deviceId, Map<String, Object> settings, Instant expiresAt) {

    public DeviceException {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("an exception belongs to a device");
        }
        Objects.requireNonNull(expiresAt, "an exception must expire");
        settings = Catalogue.canonicalSettings(settings);
    }

    /** True while the exception applies: strictly before it expires. */
    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
