package io.kioskfleet.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTextTest {

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        List<CsvRow> rows = CsvText.parse("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields()).containsExactly("a", "b,c", "say \"hi\"");
        assertThat(rows.get(1).fields()).containsExactly("two\nlines", "x");
        assertThat(rows.get(1).line()).isEqualTo(2);
    }

    @Test
    void blankLinesAreSkippedButLineNumbersStayTrue() {
        List<CsvRow> rows = CsvText.parse("h\r\n\r\nv1\r\nv2");
        assertThat(rows).extracting(CsvRow::line).containsExactly(1, 3, 4);
        assertThat(rows.get(2).field(0)).isEqualTo("v2");
        assertThat(rows.get(2).field(5)).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsAFormatError() {
        assertThatThrownBy(() -> CsvText.parse("a\n\"b,c\n"))
            .isInstanceOf(CsvFormatException.class).hasMessage("line 2: a quoted field is never closed");
    }

    @Test
    void aByteOrderMarkIsDropped() {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] text = "serial".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(text, 0, both, 3, text.length);
        assertThat(CsvText.decode(both)).isEqualTo("serial");
    }
}
