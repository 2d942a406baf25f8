package io.kioskfleet.policies.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name closest to a mistyped one by edit distance, for "did you mean"
 * suggestions; far-off names get no suggestion, because a wrong hint is worse than none.
 */
public final class NearestName {

    private NearestName() {
    }

    /** The candidate nearest to {@code given}, if one is near enough to be a likely typo. */
    public static Optional<String> among(Collection<String> candidates, String given) {
        String typed = given.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, typed.length() / 3);
        return candidates.stream()
            .filter(c -> distance(c.toLowerCase(Locale.ROOT), typed) <= allowed)
            .min(Comparator.comparingInt((String c) -> distance(c.toLowerCase(Locale.ROOT), typed))
                .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Reports an unknown name at {@code site}: with a suggestion under {@code code + "DidYouMean"}
     * when one is near, else under {@code code}.
     */
    public static void reportUnknown(ProblemSite site, String code, String given,
                                     Collection<String> known) {
        among(known, given).ifPresentOrElse(
            nearest -> site.report(code + "DidYouMean", given, nearest),
            () -> site.report(code, given));
    }
}
