package io.kioskfleet.core.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem with one input before refusing it, so a caller fixes all of them in
 * one go rather than one per attempt.
 */
public final class InputCheck {

    private final List<FieldError> errors = new ArrayList<>();

    /** Records a problem at {@code path}, breaking {@code rule} with {@code args}, unless {@code ok}. */
    public InputCheck require(boolean ok, String path, Rule rule, Object... args) {
        if (!ok) {
            reject(path, rule, args);
        }
        return this;
    }

    /** Records a problem unconditionally. */
    public InputCheck reject(String path, Rule rule, Object... args) {
        errors.add(FieldError.of(path, rule, args));
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
