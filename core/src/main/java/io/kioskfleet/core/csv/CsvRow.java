package io.kioskfleet.core.csv;

import java.util.List;

/**
 * One row of a CSV file.
 *
 * @param line   the file line it starts on, from 1, so errors point where a person looks
 * @param fields its fields, unquoted
 */
public record CsvRow(int line, List<String> fields) {

    public CsvRow {
        fields = List.copyOf(fields);
    }

    /** The field at {@code index}, or an empty string when the row is shorter. */
    public String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }
}
