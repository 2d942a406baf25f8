package io.kioskfleet.core.policies;

import io.kioskfleet.policies.document.SettingsReader;
import io.kioskfleet.policies.inheritance.DeviceException;
import io.kioskfleet.policies.report.ProblemList;
import io.kioskfleet.policies.source.SourceReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Settings one device runs with instead of its OU's until {@code expiresAt}, as granted by an
 * administrator. A device has at most one: the device id is the key, and granting again replaces it.
 *
 * @param deviceId  the device
 * @param settings  the settings, as canonical JSON keyed by dotted setting key
 * @param expiresAt when it stops applying
 * @param reason    why it was granted
 * @param grantedAt when it was granted
 * @param grantedBy who granted it
 * @param version   optimistic concurrency version, starting at 1
 */
public record DeviceExceptionGrant(
    @BsonId String deviceId,
    String settings,
    Instant expiresAt,
    String reason,
    Instant grantedAt,
    String grantedBy,
    long version) {

    public DeviceExceptionGrant {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True while it applies: strictly before it expires. */
    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** The exception as the resolver takes it. */
    DeviceException toException() {
        return new DeviceException(deviceId, settingValues(), expiresAt);
    }

    /** The settings as canonical values by dotted key. */
    Map<String, Object> settingValues() {
        ProblemList problems = new ProblemList();
        Map<String, Object> values = new SourceReader().read(settings.getBytes(StandardCharsets.UTF_8), problems)
            .map(node -> SettingsReader.read(node, "settings", problems).values()).orElse(Map.of());
        if (!problems.isEmpty()) {
            // Only validated settings are ever stored, so this means the catalogue changed under them.
            throw new IllegalStateException("stored exception of " + deviceId + " no longer reads: " + problems.list());
        }
        return values;
    }
}
