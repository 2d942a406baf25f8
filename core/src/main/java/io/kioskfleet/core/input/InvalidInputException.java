package io.kioskfleet.core.input;

import java.util.List;

/** The caller's input breaks rules; every broken rule is listed at once (an HTTP caller sees 400). */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String path, Rule rule, Object... args) {
        this(List.of(FieldError.of(path, rule, args)));
    }

    /** A problem told only in an English sentence; prefer a {@link Rule}, which the console translates. */
    public InvalidInputException(String path, String englishSentence) {
        this(path, Rule.SENTENCE, englishSentence);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one error");
        }
        FieldError first = errors.get(0);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return first.path() + ": " + first.message() + more;
    }
}
