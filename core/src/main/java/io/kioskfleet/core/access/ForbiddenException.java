package io.kioskfleet.core.access;

/** The actor is known but may not do what they asked (an HTTP caller sees 403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
