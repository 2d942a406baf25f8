package io.kioskfleet.agent;

/**
 * The server refused a request for a reason retrying cannot fix (a 4xx answer): its status,
 * problem type, reason and human detail, as the server's problem+json said.
 */
public class ServerRefusal extends RuntimeException {

    private final int status;
    private final String type;
    private final String reason;

    public ServerRefusal(int status, String type, String reason, String detail) {
        super("the server refused (" + status + (reason == null ? "" : ", " + reason) + "): " + detail);
        this.status = status;
        this.type = type;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** The problem type, e.g. {@code urn:kioskfleet:problem:enrollment-refused}, or null. */
    public String type() {
        return type;
    }

    /** The machine-readable reason, e.g. {@code token-expired}, or null. */
    public String reason() {
        return reason;
    }
}
