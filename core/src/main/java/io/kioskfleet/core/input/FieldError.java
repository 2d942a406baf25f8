package io.kioskfleet.core.input;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a caller's input.
 *
 * @param path    where it is, e.g. {@code serial} or {@code rows[3].ou}
 * @param message what is wrong, in one English sentence
 * @param code    the stable code of the broken {@link Rule}, e.g. {@code too-long}
 * @param args    the rule's arguments as text (limits, values), for a translation of the message
 */
public record FieldError(String path, String message, String code, List<String> args) {

    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    /** The error at {@code path} for breaking {@code rule} with these arguments. */
    public static FieldError of(String path, Rule rule, Object... args) {
        List<String> texts = Arrays.stream(args).map(String::valueOf).toList();
        return new FieldError(path, rule.english(texts), rule.code(), texts);
    }
}
