package io.kioskfleet.core.loans;

import io.kioskfleet.core.store.ConflictException;

/** A laptop may not go out again: its last session's wipe is not VERIFIED (an HTTP caller sees 409 naming the session). */
public class WipeNotVerifiedException extends ConflictException {

    private final String sessionId;

    public WipeNotVerifiedException(String deviceId, String sessionId, String state) {
        super("wipe-not-verified", "laptop " + deviceId + " cannot go out: the wipe of its last session " + sessionId
            + " is " + state + ", not VERIFIED; wait for its attestation or wipe it again");
        this.sessionId = sessionId;
    }

    /** The session whose wipe is missing. */
    public String sessionId() {
        return sessionId;
    }
}
