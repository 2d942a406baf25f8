package io.kioskfleet.agent;

/** The server gave no usable answer even after the retries (no connection, time-outs, or 5xx each time). */
public class ServerUnreachable extends RuntimeException {

    public ServerUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
