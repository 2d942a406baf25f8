package io.kioskfleet.core.store;

import io.kioskfleet.protocol.canonical.Sha256;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The kinds of stored things and the prefix of their ids, so a log line or a URL says what an
 * id names ({@code dev_…} is a device, {@code ou_…} an organisation unit).
 *
 * <p>An id is the prefix, an underscore and 20 characters of Crockford base32: ten that encode
 * the creation time in milliseconds (so ids sort roughly by creation) and ten random ones.
 */
public enum IdKind {
    ORGANISATION_UNIT("ou"),
    DEVICE("dev"),
    USER("usr"),
    AUDIT_EVENT("aud"),
    POLICY("pol"),
    POLICY_VERSION("pv"),
    ENROLLMENT_TOKEN("ent"),
    API_TOKEN("tok"),
    COMMAND("cmd"),
    LOST_DEVICE_CONTACT("ldc"),
    SESSION("ses"),
    REFUSED_ATTESTATION("rat"),
    SCHEDULE("sch"),
    TICKET("tkt"),
    WEBHOOK_ENDPOINT("whk"),
    JOB_RUN("run"),
    SITE("site"),
    FLOOR("flr"),
    ZONE("zone"),
    DESK("desk"),
    BOOKING("bkg"),
    LOAN("loan");

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;

    IdKind(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix ids of this kind start with, without the underscore. */
    public String prefix() {
        return prefix;
    }

    /** A new, unique id of this kind. */
    public String newId() {
        char[] chars = new char[20];
        long time = System.currentTimeMillis();
        for (int i = 9; i >= 0; i--) {
            chars[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < 20; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(32)];
        }
        return prefix + "_" + new String(chars);
    }

    /**
     * The id of this kind that {@code key} always gives, carrying the creation time of {@code seedId}:
     * for things made again after a crash that must get the same id (a wave's command for one device).
     */
    public String idFor(String seedId, String key) {
        int body = seedId.indexOf('_') + 1;
        if (body == 0 || seedId.length() < body + 10) {
            throw new IllegalArgumentException("not an id: " + seedId);
        }
        long bits = Long.parseLong(Sha256.hex(key).substring(0, 13), 16);
        char[] chars = new char[10];
        for (int i = 9; i >= 0; i--) {
            chars[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return prefix + "_" + seedId.substring(body, body + 10) + new String(chars);
    }

    /** True when {@code id} has this kind's prefix and a well-formed body. */
    public boolean matches(String id) {
        if (id == null || !id.startsWith(prefix + "_")) {
            return false;
        }
        String body = id.substring(prefix.length() + 1);
        return !body.isEmpty() && body.length() <= 64
            && body.toLowerCase(Locale.ROOT).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-');
    }
}
