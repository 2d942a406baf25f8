package io.kioskfleet.core.sessions;

import io.kioskfleet.core.access.RefusedException;

/** A wipe attestation was refused (and recorded as refused); an HTTP caller sees 422 {@code attestation-refused}. */
public class AttestationRefusedException extends RefusedException {

    public AttestationRefusedException(String reason, String message) {
        super(reason, message);
    }
}
