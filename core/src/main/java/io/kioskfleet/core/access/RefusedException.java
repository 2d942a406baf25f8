package io.kioskfleet.core.access;

/**
 * A request refused for a reason the caller can act on, named by a stable, machine-readable
 * {@link #reason()} (such as {@code token-expired}) besides the human message.
 */
public abstract class RefusedException extends RuntimeException {

    private final String reason;

    /**
     * @param reason  a stable, machine-readable reason
     * @param message one human sentence
     */
    protected RefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
