package io.kioskfleet.core.devices;

import io.kioskfleet.core.csv.CsvFormatException;
import io.kioskfleet.core.csv.CsvRow;
import io.kioskfleet.core.csv.CsvText;
import io.kioskfleet.core.input.FieldError;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a device pre-registration CSV file: a header row naming them, in any order,
 * then one device a row. {@code serial} and {@code ou} are required; {@code ou} holds a unit's
 * id or its name; {@code tags} are separated by semicolons.
 */
final class DeviceCsvFormat {

    static final List<String> COLUMNS = List.of("serial", "ou", "model", "assetTag", "tags", "notes");
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 50_000;

    private DeviceCsvFormat() {
    }

    /**
     * A data row with the unit still as written in the file.
     *
     * @param fieldCount  how many fields the row has
     * @param columnCount how many columns the header names (a row with more has a comma outside quotes)
     */
    record Line(int line, String serial, String ou, String model, String assetTag, List<String> tags, String notes,
                int fieldCount, int columnCount) {

        boolean hasExtraFields() {
            return fieldCount > columnCount;
        }
    }

    /** Reads the file; a wrong header or a broken file is refused as a whole. */
    static List<Line> read(byte[] bytes) {
        List<CsvRow> rows;
        try {
            rows = CsvText.parse(CsvText.decode(bytes));
        } catch (CsvFormatException e) {
            throw new InvalidInputException("line " + e.line(), e.rule());
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", Rule.CSV_EMPTY, String.join(",", COLUMNS));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw new InvalidInputException("file", Rule.CSV_TOO_MANY_ROWS, MAX_ROWS);
        }
        Map<String, Integer> columns = header(rows.get(0));
        int width = rows.get(0).fields().size();
        return rows.subList(1, rows.size()).stream().map(row -> line(row, columns, width)).toList();
    }

    private static Map<String, Integer> header(CsvRow header) {
        Map<String, Integer> columns = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.field(i).strip();
            String known = COLUMNS.stream().filter(column -> column.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                errors.add(FieldError.of("line 1", Rule.CSV_UNKNOWN_COLUMN, name, String.join(",", COLUMNS)));
            } else if (columns.putIfAbsent(known, i) != null) {
                errors.add(FieldError.of("line 1", Rule.CSV_DUPLICATE_COLUMN, known));
            }
        }
        for (String required : List.of("serial", "ou")) {
            if (!columns.containsKey(required)) {
                errors.add(FieldError.of("line 1", Rule.CSV_MISSING_COLUMN, required));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return columns;
    }

    private static Line line(CsvRow row, Map<String, Integer> columns, int width) {
        return new Line(row.line(), cell(row, columns, "serial").toUpperCase(Locale.ROOT), cell(row, columns, "ou"),
            cell(row, columns, "model"), cell(row, columns, "assetTag"),
            Arrays.stream(cell(row, columns, "tags").split(";")).map(String::strip).filter(tag -> !tag.isEmpty()).toList(),
            cell(row, columns, "notes"), row.fields().size(), width);
    }

    private static String cell(CsvRow row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.field(index).strip();
    }
}
