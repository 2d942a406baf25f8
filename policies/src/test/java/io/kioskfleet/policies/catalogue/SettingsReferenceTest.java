package io.kioskfleet.policies.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.protocol.canonical.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the settings table of {@code docs/policies.md} true to the catalogue. The expected
 * table is also written to {@code target/settings-table.md}, to paste when the catalogue
 * changes.
 */
class SettingsReferenceTest {

    private static final Path DOCS = Path.of("..", "docs", "policies.md");

    static List<String> rows() {
        return Catalogue.all().stream().map(setting -> "| `" + setting.key() + "` | "
            + setting.type().describe() + " | `" + CanonicalJson.write(setting.defaultValue())
            + "` | " + setting.description().en() + " | " + setting.description().ja() + " |")
            .toList();
    }

    @Test
    void everyCatalogueSettingIsDocumentedAsItIs() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "settings-table.md"), rows(), StandardCharsets.UTF_8);
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        assertThat(rows()).allSatisfy(row -> assertThat(docs).contains(row));
    }
}
