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

    /**
     * Records a problem told only in an English sentence, unless {@code ok}. The console shows
     * such a sentence as it is in both languages, so prefer a {@link Rule}; this is for checks
     * too particular to deserve one.
     */
    public InputCheck require(boolean ok, String path, String englishSentence) {
        return require(ok, path, Rule.SENTENCE, englishSentence);
    }

    /** Records a problem told only in an English sentence; see {@link #require(boolean, String, String)}. */
    public InputCheck reject(String path, String englishSentence) {
        return reject(path, Rule.SENTENCE, englishSentence);
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
