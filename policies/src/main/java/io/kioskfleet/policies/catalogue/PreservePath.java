package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.protocol.policy.WipeArea;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of {@code wipe.preserve} entries: a path or glob that the wipe leaves in place,
 * rooted either at a wipe area ({@code ${sessionProfile}/AppData/.../SystemCertificates/**})
 * or at the file-system root ({@code /etc/pki/nssdb/**}). {@code *} matches within one path
 * segment and {@code **} across segments.
 */
public final class PreservePath {

    /** What {@link #coveredArea} answers for a pattern that keeps the whole file system. */
    public static final String EVERYTHING = "*";

    private static final Pattern ROOTED = Pattern.compile("(?:\\$\\{([A-Za-z]+)\\})?(/.*)?");
    private static final List<String> AREAS =
        Choice.of(WipeArea.class).options();

    private PreservePath() {
    }

    static String normalize(String text, ProblemSite site) {
        Matcher rooted = ROOTED.matcher(text);
        if (text.isEmpty() || !rooted.matches() || text.contains("\\")
            || hasDotSegment(text) || text.chars().anyMatch(Character::isISOControl)) {
            return site.report("value.pathPattern", text);
        }
        if (rooted.group(1) != null && !AREAS.contains(rooted.group(1))) {
            return site.report("value.pathArea", rooted.group(1), String.join(", ", AREAS));
        }
        return text.length() > 1 && text.endsWith("/") ? text.substring(0, text.length() - 1)
            : text;
    }

    /**
     * The wipe area that {@code pattern} keeps entirely or nearly so (its word, or
     * {@link #EVERYTHING}), if it does: such a pattern would make the wipe of that area a no-op.
     * A pattern keeps only a chosen part of its area when at least one of its segments after
     * the root is purely literal (names a folder or file without {@code *}); without one, as in
     * {@code ${downloads}/*} or {@code /**}{@code /*.*}, it matches almost everything.
     */
    public static Optional<String> coveredArea(String pattern) {
        Matcher rooted = ROOTED.matcher(pattern);
        if (!rooted.matches()) {
            return Optional.empty();
        }
        String rest = rooted.group(2) == null ? "" : rooted.group(2);
        boolean namesSomething = Arrays.stream(rest.split("/"))
            .anyMatch(segment -> !segment.isEmpty() && !segment.contains("*"));
        if (namesSomething) {
            return Optional.empty();
        }
        return Optional.of(rooted.group(1) == null ? EVERYTHING : rooted.group(1));
    }

    private static boolean hasDotSegment(String text) {
        for (String segment : text.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return true;
            }
        }
        return false;
    }
}
