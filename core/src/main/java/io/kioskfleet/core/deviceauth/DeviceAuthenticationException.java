package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.access.RefusedException;

/**
 * A device request was not accepted as coming from the device it names (an HTTP caller sees
 * 401 with the {@code reason}): a bad or missing signature, a stale timestamp, a reused nonce,
 * or a device that is unknown, not enrolled or retired.
 */
public class DeviceAuthenticationException extends RefusedException {

    /**
     * @param reason  a stable, machine-readable reason such as {@code stale-timestamp}
     * @param message one human sentence
     */
    public DeviceAuthenticationException(String reason, String message) {
        super(reason, message);
    }
}
