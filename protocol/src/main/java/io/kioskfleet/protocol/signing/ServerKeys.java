package io.kioskfleet.protocol.signing;

import io.kioskfleet.protocol.canonical.Sha256;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How the server's public evidence key is written down: as a PEM {@code PUBLIC KEY}
 * (X.509 SubjectPublicKeyInfo, RFC 8410, readable by {@code openssl pkey -pubin}) and as a
 * fingerprint, the hex SHA-256 of the raw 32-byte key, to compare by eye.
 */
public final class ServerKeys {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo: the raw key follows it. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private ServerKeys() {
    }

    /** The hex SHA-256 of the raw public key. */
    public static String fingerprintOf(byte[] rawPublicKey) {
        return Sha256.hex(rawPublicKey);
    }

    /** The PEM text of a raw Ed25519 public key. */
    public static String toPem(byte[] rawPublicKey) {
        byte[] der = new byte[ED25519_SPKI_PREFIX.length + rawPublicKey.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, der, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(rawPublicKey, 0, der, ED25519_SPKI_PREFIX.length, rawPublicKey.length);
        return BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n" + END + "\n";
    }

    /**
     * The raw Ed25519 public key in a PEM {@code PUBLIC KEY}.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    public static byte[] fromPem(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("not a PEM public key (no " + BEGIN + " … " + END + ")");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM public key is not base64");
        }
        int keyBytes = DeviceKeyPair.KEY_BYTES;
        if (der.length != ED25519_SPKI_PREFIX.length + keyBytes
            || !Arrays.equals(Arrays.copyOf(der, ED25519_SPKI_PREFIX.length), ED25519_SPKI_PREFIX)) {
            throw new IllegalArgumentException("the PEM public key is not an Ed25519 key");
        }
        return Arrays.copyOfRange(der, ED25519_SPKI_PREFIX.length, der.length);
    }
}
