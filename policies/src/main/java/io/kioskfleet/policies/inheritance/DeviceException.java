package io.kioskfleet.policies.inheritance;

import io.kioskfleet.policies.catalogue.Catalogue;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
        Map<String, Object> canonical = new TreeMap<>();
        settings.forEach((key, value) ->
            canonical.put(key, Catalogue.get(key).canonicalValue(value)));
        settings = Collections.unmodifiableMap(canonical);
    }

    /** True while the exception applies: strictly before it expires. */
    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
