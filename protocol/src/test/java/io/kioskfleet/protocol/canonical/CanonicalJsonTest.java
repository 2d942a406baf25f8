package io.kioskfleet.protocol.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sameTreeInAnyKeyOrderGivesTheSameText() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("b", 1);
        one.put("a", List.of(true, "x"));
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("a", List.of(true, "x"));
        other.put("b", 1L);

        assertThat(CanonicalJson.write(one)).isEqualTo("{\"a\":[true,\"x\"],\"b\":1}");
        assertThat(CanonicalJson.write(other)).isEqualTo(CanonicalJson.write(one));
    }

    @Test
    void stringsAreEscapedOneWayOnly() {
        assertThat(CanonicalJson.write("say \"hi\"\n\u0001\\ 東京"))
            .isEqualTo("\"say \\\"hi\\\"\\n\\u0001\\\\ 東京\"");
    }

    @Test
    void numbersHaveOneSpelling() {
        assertThat(CanonicalJson.write(new BigDecimal("1.500"))).isEqualTo("1.5");
        assertThat(CanonicalJson.write(2.0d)).isEqualTo("2");
        assertThat(CanonicalJson.write(new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(CanonicalJson.write(1e21)).isEqualTo("1000000000000000000000");
    }

    @Test
    void instantsAndEnumsAreWrittenAsStrings() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("at", Instant.parse("2026-11-23T01:02:03Z"));
        tree.put("unit", java.util.concurrent.TimeUnit.SECONDS);
        tree.put("none", null);
        assertThat(CanonicalJson.write(tree))
            .isEqualTo("{\"at\":\"2026-11-23T01:02:03Z\",\"none\":null,\"unit\":\"SECONDS\"}");
    }

    @Test
    void valuesWithoutAStableFormAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.write(Double.NaN))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(new Object()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "x")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sha256OfTextIsTheKnownDigest() {
        assertThat(Sha256.hex("abc"))
            .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Arrays.asList(Sha256.hex("").length())).containsExactly(64);
    }
}
