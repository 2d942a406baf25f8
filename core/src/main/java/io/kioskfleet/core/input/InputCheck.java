package io.kioskfleet.core.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem with one input before refusing it, so a caller fixes all of them in
 * one go rather than one per attempt.
 */
public final class InputCheck {

    private final List<FieldError> errors = new ArrayList<>();

    /** Records a problem at {@code path} unless {@code ok}. */
    public InputCheck require(boolean ok, String path, String message) {
        if (!ok) {
            errors.add(new FieldError(path, message));
        }
        return this;
    }

    /** Records a problem unconditionally. */
    public InputCheck reject(String path, String message) {
        errors.add(new FieldError(path, message));
        return this;
    }

    /** True when no problem has been recorded. */
    public boolean passed() {
        return errors.isEmpty();
    }

    /** The problems so far. */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** @throws InvalidInputException listing every problem, when there is any */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
