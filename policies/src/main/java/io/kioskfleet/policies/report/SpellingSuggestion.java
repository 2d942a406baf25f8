package io.kioskfleet.policies.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The known name a mistyped one was most likely meant to be, by edit distance, for "did you
 * mean" hints; a far-off name gets none, because a wrong hint is worse than none.
 */
public record SpellingSuggestion(String given, Optional<String> nearest) {

    public SpellingSuggestion {
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(nearest, "nearest (empty when no name is near)");
    }

    /** The suggestion for {@code given}: the nearest of {@code known} if it is a likely typo. */
    public static SpellingSuggestion among(Collection<String> known, String given) {
        String typed = given.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, typed.length() / 3);
        return new SpellingSuggestion(given, known.stream()
            .filter(c -> distance(c.toLowerCase(Locale.ROOT), typed) <= allowed)
            .min(Comparator.comparingInt((String c) -> distance(c.toLowerCase(Locale.ROOT), typed))
                .thenComparing(Comparator.naturalOrder())));
    }

    /**
     * Reports {@code given} as unknown at {@code site}: with the suggestion under
     * {@code code + "DidYouMean"} when there is one, else under {@code code}.
     */
    public void reportUnknown(ProblemSite site, String code) {
        nearest.ifPresentOrElse(
            name -> site.report(code + "DidYouMean", given, name),
            () -> site.report(code, given));
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
}
