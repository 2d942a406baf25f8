package io.kioskfleet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a tiny fleet and prints its table (its figures are not checked here). */
class EmbeddedStoreCapacityTest {

    @Test
    void aTinyRunPrintsOneRowPerStep() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmbeddedStoreCapacity.main(new String[] {"20,40"});
        } finally {
            System.setOut(original);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[1]).contains("devices", "import/s", "verify s");
        assertThat(lines[2].strip()).startsWith("20 ");
        assertThat(lines[3].strip()).startsWith("40 ");
    }
}
