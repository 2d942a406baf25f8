package io.kioskfleet.protocol.signing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * A device's Ed25519 key pair: the private key never leaves the device, the public key is sent
 * once at enrollment. The server's evidence-signing key is a pair of the same kind. Keys are raw 32-byte Ed25519 keys (RFC 8032); on the wire the public key
 * is base64url without padding.
 */
public final class DeviceKeyPair {

    /** Length of a raw Ed25519 private or public key. */
    public static final int KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;

    private DeviceKeyPair(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey();
    }

    /** A new, random key pair. */
    public static DeviceKeyPair generate() {
        return new DeviceKeyPair(new Ed25519PrivateKeyParameters(RANDOM));
    }

    /** The key pair of a raw 32-byte private key, as kept in the device's key file. */
    public static DeviceKeyPair fromPrivateKey(byte[] rawPrivateKey) {
        if (rawPrivateKey == null || rawPrivateKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 private key has " + KEY_BYTES + " bytes");
        }
        return new DeviceKeyPair(new Ed25519PrivateKeyParameters(rawPrivateKey, 0));
    }

    /** The raw private key, for the device's key file only. */
    public byte[] privateKeyBytes() {
        return privateKey.getEncoded();
    }

    /** The public key as sent at enrollment: base64url, no padding. */
    public String publicKeyText() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey.getEncoded());
    }

    /**
     * The raw public key in {@code text} (base64url, padding optional).
     *
     * @throws IllegalArgumentException when it is not base64url or not 32 bytes
     */
    public static byte[] decodePublicKey(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a public key is required");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a public key is base64url text");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key has " + KEY_BYTES + " bytes, not " + raw.length);
        }
        return raw;
    }

    /** The raw 32-byte public key. */
    public byte[] publicKeyBytes() {
        return publicKey.getEncoded();
    }

    Ed25519PrivateKeyParameters privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        // Never the private key, even in a log line.
        return "DeviceKeyPair[public=" + publicKeyText() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceKeyPair that && Arrays.equals(privateKeyBytes(), that.privateKeyBytes());
    }

    @Override
    public int hashCode() {
        return publicKeyText().hashCode();
    }
}
