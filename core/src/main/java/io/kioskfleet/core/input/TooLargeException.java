package io.kioskfleet.core.input;

/** The caller's input is larger than the service accepts, so it was refused unread (an HTTP caller sees 413). */
public class TooLargeException extends RuntimeException {

    public TooLargeException(String message) {
        super(message);
    }
}
