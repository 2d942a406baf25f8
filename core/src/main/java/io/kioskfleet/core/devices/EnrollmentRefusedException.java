package io.kioskfleet.core.devices;

import io.kioskfleet.core.access.RefusedException;

/**
 * A device's enrollment was refused (an HTTP caller sees 403 with the {@code reason}): an
 * unknown, used, expired or revoked token, a serial that is not pre-registered, a retired
 * device, or one enrolled already.
 */
public class EnrollmentRefusedException extends RefusedException {

    /**
     * @param reason  a stable, machine-readable reason such as {@code token-expired}
     * @param message one human sentence
     */
    public EnrollmentRefusedException(String reason, String message) {
        super(reason, message);
    }
}
