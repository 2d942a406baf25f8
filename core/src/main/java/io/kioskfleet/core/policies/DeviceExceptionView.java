package io.kioskfleet.core.policies;

import java.time.Instant;
import java.util.Map;

/**
 * A device's exception as shown to people.
 *
 * @param deviceId  the device
 * @param settings  the settings it overrides, canonical values by dotted key
 * @param expiresAt when it stops applying
 * @param active    whether it applies now
 * @param reason    why it was granted
 * @param grantedAt when it was granted
 * @param grantedBy who granted it
 */
public record DeviceExceptionView(String deviceId, Map<String, Object> settings, Instant expiresAt, boolean active,
                                  String reason, Instant grantedAt, String grantedBy) {

    static DeviceExceptionView of(DeviceExceptionGrant grant, Instant now) {
        return new DeviceExceptionView(grant.deviceId(), grant.settingValues(), grant.expiresAt(), grant.activeAt(now),
            grant.reason(), grant.grantedAt(), grant.grantedBy());
    }
}
