package io.kioskfleet.protocol.sessions;

import java.util.regex.Pattern;

/**
 * A {@code wipe.preserve} pattern as a matcher of remaining-manifest paths
 * ({@code ${area}/relative/path}): {@code *} matches within one segment, {@code **} across
 * segments, everything else literally. The device keeps what it matches; the server checks every
 * remaining file against the patterns the device claims.
 */
public final class PreservePattern {

    private final String text;
    private final Pattern regex;

    private PreservePattern(String text) {
        this.text = text;
        this.regex = Pattern.compile(toRegex(text));
    }

    /** The matcher of {@code text}. */
    public static PreservePattern of(String text) {
        return new PreservePattern(text);
    }

    /** The pattern as written in the policy. */
    public String text() {
        return text;
    }

    /** True when the pattern keeps the file at {@code path}. */
    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            if (glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (glob.charAt(i) == '*') {
                regex.append("[^/]*");
                i++;
            } else {
                int next = nextStar(glob, i);
                regex.append(Pattern.quote(glob.substring(i, next)));
                i = next;
            }
        }
        return regex.toString();
    }

    private static int nextStar(String glob, int from) {
        int star = glob.indexOf('*', from);
        return star < 0 ? glob.length() : star;
    }

    @Override
    public String toString() {
        return text;
    }
}
