package io.kioskfleet.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.demo.DemoFleet;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFleetFileTest {

    @TempDir
    Path dataDir;

    @Test
    void theFileHoldsTheTokenAndTheSerialsAsPropertiesForItsOwnerOnly() throws IOException {
        Path file = new DemoFleetFile(dataDir.resolve("data")).write(new DemoFleet("kfet_secret", List.of("KF-1", "KF-2")));

        Properties read = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            read.load(reader);
        }
        assertThat(file.getFileName()).hasToString(DemoFleetFile.NAME);
        assertThat(read.getProperty("token")).isEqualTo("kfet_secret");
        assertThat(read.getProperty("serials")).isEqualTo("KF-1,KF-2");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    }
}
