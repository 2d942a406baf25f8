package io.kioskfleet.core.store;

/**
 * A write was refused because it contradicts the current state: a duplicate of something
 * unique, a stale version, or a change the state does not allow (an HTTP caller sees 409).
 */
public class ConflictException extends RuntimeException {

    private final String reason;

    /**
     * @param reason  a stable, machine-readable reason such as {@code duplicate-serial}
     * @param message one human sentence
     */
    public ConflictException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
