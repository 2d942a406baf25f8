package io.kioskfleet.protocol.signing;

import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** The Ed25519 signing and verifying both request and attestation signatures rest on (BouncyCastle, base64url). */
final class Ed25519 {

    private static final int SIGNATURE_BYTES = 64;

    private Ed25519() {
    }

    static String sign(DeviceKeyPair keys, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, keys.privateKey());
        signer.update(message, 0, message.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.generateSignature());
    }

    /** True when {@code signature} is the signature of {@code message}; any malformed input is simply not one. */
    static boolean verify(byte[] rawPublicKey, byte[] message, String signature) {
        if (rawPublicKey == null || rawPublicKey.length != DeviceKeyPair.KEY_BYTES) {
            return false;
        }
        Ed25519PublicKeyParameters key;
        try {
            key = new Ed25519PublicKeyParameters(rawPublicKey, 0);
        } catch (IllegalArgumentException notOnTheCurve) {
            return false;
        }
        return verify(key, message, signature);
    }

    /** As {@link #verify(byte[], byte[], String)} with a key decoded before (see {@link VerifyKey}). */
    static boolean verify(Ed25519PublicKeyParameters key, byte[] message, String signature) {
        if (signature == null) {
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
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signatureBytes);
    }
}
