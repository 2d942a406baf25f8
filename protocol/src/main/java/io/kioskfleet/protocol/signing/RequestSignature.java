package io.kioskfleet.protocol.signing;

import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs a device request (on the device) and verifies it (on the server) with Ed25519 over
 * {@link SignedRequest#canonicalString()}: one implementation for both sides, so they cannot
 * drift apart. BouncyCastle's lightweight API is used for speed (about 40 µs to sign and 100 µs
 * to verify here, against about 1 ms for the JDK's provider).
 */
public final class RequestSignature {

    private static final int SIGNATURE_BYTES = 64;

    private RequestSignature() {
    }

    /** The signature of {@code request} by {@code keys}, base64url without padding. */
    public static String sign(DeviceKeyPair keys, SignedRequest request) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, keys.privateKey());
        byte[] message = request.canonicalBytes();
        signer.update(message, 0, message.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.generateSignature());
    }

    /**
     * True when {@code signature} (base64url) is the signature of {@code request} by the holder
     * of {@code rawPublicKey}. Any malformed input is simply not a valid signature.
     */
    public static boolean verify(byte[] rawPublicKey, SignedRequest request, String signature) {
        if (rawPublicKey == null || rawPublicKey.length != DeviceKeyPair.KEY_BYTES || signature == null) {
            return false;
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (signatureBytes.length != SIGNATURE_BYTES) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(rawPublicKey, 0));
        byte[] message = request.canonicalBytes();
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signatureBytes);
    }
}
