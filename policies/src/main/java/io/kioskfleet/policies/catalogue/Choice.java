package io.kioskfleet.policies.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import io.kioskfleet.policies.report.ProblemSite;

/**
 * A value that is one of a fixed set of words. Choices mirror the enums of the device payload,
 * written in the document as lower camel case ({@code SESSION_PROFILE} is
 * {@code sessionProfile}), so the two lists can never drift apart.
 */
public record Choice(List<String> options) implements StringSyntax {

    public Choice {
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a choice needs options");
        }
    }

    /** The choice among the constants of {@code type}. */
    public static Choice of(Class<? extends Enum<?>> type) {
        return new Choice(Arrays.stream(type.getEnumConstants()).map(Choice::word).toList());
    }

    /** The document word of {@code constant}. */
    public static String word(Enum<?> constant) {
        StringBuilder word = new StringBuilder();
        for (String part : constant.name().toLowerCase(Locale.ROOT).split("_")) {
            word.append(word.length() == 0 ? part
                : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return word.toString();
    }

    /** The constant of {@code type} that {@code word} names. */
    public static <E extends Enum<E>> E constant(Class<E> type, String word) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> word(c).equals(word))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(word + " names no " + type.getName()));
    }

    @Override
    public String normalize(String text, ProblemSite site) {
        return options.contains(text) ? text
            : site.report("value.notChoice", text, String.join(", ", options));
    }

    @Override
    public String describe() {
        return "one of " + String.join(", ", options);
    }
}
