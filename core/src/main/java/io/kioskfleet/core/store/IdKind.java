package io.kioskfleet.core.store;

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
    private static final int MAX_BODY = 64;

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
     * The id of this kind for {@code memberId} within {@code ownerId} (a wave's command for one
     * device): always the same for the pair, so a thing made again after a crash gets the same id,
     * and made of both ids' bodies, so an owner's members sort together in member order. That
     * order matters on the embedded store: a wave inserts its commands in device order, each next
     * to the one before, instead of at random places all over the collection's file.
     */
    public String idFor(String ownerId, String memberId) {
        String body = bodyOf(ownerId) + bodyOf(memberId);
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("ids too long to combine: " + ownerId + ", " + memberId);
        }
        return prefix + "_" + body;
    }

    private static String bodyOf(String id) {
        int body = id.indexOf('_') + 1;
        if (body == 0 || body == id.length()) {
            throw new IllegalArgumentException("not an id: " + id);
        }
        return id.substring(body);
    }

    /** True when {@code id} has this kind's prefix and a well-formed body. */
    public boolean matches(String id) {
        if (id == null || !id.startsWith(prefix + "_")) {
            return false;
        }
        String body = id.substring(prefix.length() + 1);
        return !body.isEmpty() && body.length() <= MAX_BODY
            && body.toLowerCase(Locale.ROOT).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-');
    }
}
