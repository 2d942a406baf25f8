package io.kioskfleet.protocol.signing;

import io.kioskfleet.protocol.sessions.WipeAttestation;
import java.nio.charset.StandardCharsets;

/**
 * Signs a wipe attestation (on the device) and verifies it (on the server, and again whenever an
 * auditor reads it) with Ed25519 over {@link WipeAttestation#canonicalContent()}: one
 * implementation for both sides. Unlike a request signature it is kept with the attestation, so
 * the proof outlives the request that carried it.
 */
public final class AttestationSignature {

    private AttestationSignature() {
    }

    /** The attestation with its {@code signature} set: the device key's signature of its canonical content. */
    public static WipeAttestation sign(DeviceKeyPair keys, WipeAttestation attestation) {
        return attestation.withSignature(Ed25519.sign(keys, bytesOf(attestation)));
    }

    /** True when the attestation's signature is the holder of {@code rawPublicKey}'s over its content. */
    public static boolean verify(byte[] rawPublicKey, WipeAttestation attestation) {
        return Ed25519.verify(rawPublicKey, bytesOf(attestation), attestation.signature());
    }

    private static byte[] bytesOf(WipeAttestation attestation) {
        return attestation.canonicalContent().getBytes(StandardCharsets.UTF_8);
    }
}
