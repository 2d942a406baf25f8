package io.kioskfleet.protocol.signing;

import io.kioskfleet.protocol.canonical.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a device signs about one request: method, path (with the query, if any), the timestamp
 * and nonce exactly as sent in the headers, and the SHA-256 of the body bytes.
 *
 * @param method     the HTTP method, upper case
 * @param path       the request path as sent, e.g. {@code /agent/v1/check-in}, with {@code ?query} if any
 * @param timestamp  the {@link DeviceHeaders#TIMESTAMP} header, verbatim
 * @param nonce      the {@link DeviceHeaders#NONCE} header, verbatim
 * @param bodySha256 lower-case hex SHA-256 of the body (of no bytes when there is no body)
 */
public record SignedRequest(String method, String path, String timestamp, String nonce, String bodySha256) {

    /** The version of the canonical string; it is its first line. */
    public static final String SCHEME = "KF1-ED25519";

    private static final Pattern NONCE_SYNTAX = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(bodySha256, "bodySha256");
        requireSingleLine(method);
        requireSingleLine(path);
        requireSingleLine(timestamp);
        requireSingleLine(nonce);
    }

    /** The request a device is about to send, stamped with {@code now} and a fresh nonce. */
    public static SignedRequest of(String method, String path, Instant now, byte[] body) {
        return new SignedRequest(method, path, now.toString(), newNonce(), Sha256.hex(body == null ? new byte[0] : body));
    }

    /** A fresh random nonce: 16 random bytes, base64url. */
    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when {@code nonce} has the nonce syntax: 16 to 64 base64url characters. */
    public static boolean isWellFormedNonce(String nonce) {
        return nonce != null && NONCE_SYNTAX.matcher(nonce).matches();
    }

    /**
     * The exact text that is signed: the scheme and each part on its own line, joined by
     * {@code \n}, no trailing newline.
     */
    public String canonicalString() {
        return SCHEME + "\n" + method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + bodySha256;
    }

    byte[] canonicalBytes() {
        return canonicalString().getBytes(StandardCharsets.UTF_8);
    }

    private static void requireSingleLine(String part) {
        if (part.indexOf('\n') >= 0 || part.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a signed part must be one line");
        }
    }
}
