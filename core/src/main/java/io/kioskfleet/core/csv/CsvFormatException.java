package io.kioskfleet.core.csv;

import io.kioskfleet.core.input.Rule;

/** The bytes are not CSV at all (as opposed to a row with a wrong value). */
public class CsvFormatException extends RuntimeException {

    private final int line;

    private final Rule rule;

    public CsvFormatException(int line, Rule rule) {
        super("line " + line + ": " + rule.english(java.util.List.of()));
        this.line = line;
        this.rule = rule;
    }

    /** What is wrong with the bytes. */
    public Rule rule() {
        return rule;
    }

    public int line() {
        return line;
    }
}
