package io.kioskfleet.protocol.sessions;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Session ids, chosen by the device when a session starts (it may be offline then):
 * {@code ses_} and 20 characters of Crockford base32, ten that encode the start in milliseconds
 * and ten random ones, the same shape as every server id. The server finds a session's month
 * from its id alone, so reading a session by id never scans.
 */
public final class SessionIds {

    /** The prefix of every session id, with its underscore. */
    public static final String PREFIX = "ses_";

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final Pattern SHAPE = Pattern.compile("ses_[0-9a-hjkmnp-tv-z]{20}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {
    }

    /** A new session id for a session starting at {@code start}. */
    public static String newId(Instant start) {
        char[] chars = new char[20];
        long time = start.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (time & 31));
            time >>>= 5;
        }
        for (int i = 10; i < 20; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(32));
        }
        return PREFIX + new String(chars);
    }

    /** The instant encoded in a well-formed session id; empty for anything else. */
    public static Optional<Instant> timeOf(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            return Optional.empty();
        }
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = (millis << 5) | ALPHABET.indexOf(id.charAt(PREFIX.length() + i));
        }
        return Optional.of(Instant.ofEpochMilli(millis));
    }
}
