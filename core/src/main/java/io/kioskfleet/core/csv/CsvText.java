package io.kioskfleet.core.csv;

import io.kioskfleet.core.input.Rule;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as office spreadsheets write it (RFC 4180: quoted fields, doubled quotes, CRLF or
 * LF). Files are UTF-8, with or without a byte-order mark; a file that is not valid UTF-8 is
 * read as Shift_JIS (Windows-31J), the encoding Japanese Excel saves CSV in by default.
 */
public final class CsvText {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private CsvText() {
    }

    /**
     * The text of a CSV file's bytes: UTF-8 if they are valid UTF-8, else Shift_JIS if they are
     * valid Shift_JIS.
     *
     * @throws CsvFormatException when they are neither, rather than guess and garble the file
     */
    public static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        return strictly(StandardCharsets.UTF_8, bytes, start)
            .or(() -> start == 0 ? strictly(SHIFT_JIS, bytes, 0) : java.util.Optional.empty())
            .orElseThrow(() -> new CsvFormatException(1, Rule.CSV_NOT_TEXT));
    }

    private static java.util.Optional<String> strictly(Charset charset, byte[] bytes, int start) {
        try {
            return java.util.Optional.of(charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString());
        } catch (CharacterCodingException wrongCharset) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Splits CSV text into rows of fields. Blank lines are skipped.
     *
     * @throws CsvFormatException when a quoted field is never closed
     */
    public static List<CsvRow> parse(String text) {
        List<CsvRow> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, fields, field, fieldStarted, rowLine);
                fieldStarted = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new CsvFormatException(rowLine, Rule.CSV_UNCLOSED_QUOTE);
        }
        endRow(rows, fields, field, fieldStarted, rowLine);
        return rows;
    }

    private static void endRow(List<CsvRow> rows, List<String> fields, StringBuilder field, boolean fieldStarted, int line) {
        if (fieldStarted || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new CsvRow(line, fields));
        }
        fields.clear();
        field.setLength(0);
    }
}
