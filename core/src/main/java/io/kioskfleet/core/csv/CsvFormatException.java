package io.kioskfleet.core.csv;

/** The bytes are not CSV at all (as opposed to a row with a wrong value). */
public class CsvFormatException extends RuntimeException {

    private final int line;

    public CsvFormatException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
