package io.kioskfleet.core.store;

/**
 * The store cannot be opened or reached. The message is one line that says what is wrong and
 * how to fix it, because it is what an operator sees when the service refuses to start.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
