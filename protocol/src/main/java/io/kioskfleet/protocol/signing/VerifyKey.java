package io.kioskfleet.protocol.signing;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * A device's Ed25519 public key decoded once for verifying many requests. Decoding the raw 32
 * bytes (decompressing the curve point) is about a tenth of a verification, so the server keeps
 * one of these per device instead of decoding the key on every signed request.
 */
public final class VerifyKey {

    private final byte[] raw;
    /** Null when the raw bytes are no point on the curve: such a key verifies nothing. */
    private final Ed25519PublicKeyParameters decoded;

    private VerifyKey(byte[] raw, Ed25519PublicKeyParameters decoded) {
        this.raw = raw;
        this.decoded = decoded;
    }

    /** The key of {@code rawPublicKey} (32 bytes); a malformed key is kept but verifies no signature. */
    public static VerifyKey of(byte[] rawPublicKey) {
        if (rawPublicKey == null) {
            throw new IllegalArgumentException("a public key is required");
        }
        byte[] raw = rawPublicKey.clone();
        Ed25519PublicKeyParameters decoded = null;
        if (raw.length == DeviceKeyPair.KEY_BYTES) {
            try {
                decoded = new Ed25519PublicKeyParameters(raw, 0);
            } catch (IllegalArgumentException notOnTheCurve) {
                decoded = null;
            }
        }
        return new VerifyKey(raw, decoded);
    }

    /** The raw 32-byte key, a copy. */
    public byte[] rawBytes() {
        return raw.clone();
    }

    /** True when {@code signature} (base64url) is this key's signature of {@code message}. */
    boolean verifies(byte[] message, String signature) {
        return decoded != null && Ed25519.verify(decoded, message, signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifyKey key && Arrays.equals(raw, key.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }
}
