package io.kioskfleet.console.policies;

import java.time.Instant;
import java.util.Map;

/**
 * The body of a request to grant a device an exception.
 *
 * @param settings  the settings to override, by dotted key or nested by group
 * @param expiresAt when it stops applying (required, in the future)
 * @param reason    why, for the record
 */
public record ExceptionRequest(Map<String, Object> settings, Instant expiresAt, String reason) {
}
