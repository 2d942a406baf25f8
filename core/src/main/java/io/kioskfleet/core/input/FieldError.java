package io.kioskfleet.core.input;

import java.util.Objects;

/**
 * One thing wrong with a caller's input.
 *
 * @param path    where it is, e.g. {@code serial} or {@code rows[3].ou}
 * @param message what is wrong, in one sentence
 */
public record FieldError(String path, String message) {

    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
