package io.kioskfleet.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator whose start fails gets one line saying what is wrong and how to fix it, and a non-zero exit. */
class StartupFailureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void aPortInUseIsNamedWithTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            try (LaunchedService service = LaunchedService.start(dir.resolve("logs"), taken.getLocalPort(),
                Map.of("KIOSKFLEET_DATA_DIR", dir.resolve("data").toString()))) {
                assertThat(service.awaitExit(PATIENCE)).isEqualTo(1);
                assertThat(lastLine(service.errors())).isEqualTo("kioskfleet: port " + taken.getLocalPort()
                    + " is in use; stop the other process or set SERVER_PORT to a free port");
            }
        }
    }

    @Test
    void anUnwritableDataDirectoryIsNamedWithTheFix() throws Exception {
        Path impossible = Files.createFile(dir.resolve("a-file")).resolve("data");
        try (LaunchedService service = LaunchedService.start(dir.resolve("logs"), LaunchedService.freePort(),
            Map.of("KIOSKFLEET_DATA_DIR", impossible.toString()))) {
            assertThat(service.awaitExit(PATIENCE)).isEqualTo(1);
            assertThat(lastLine(service.errors())).startsWith("kioskfleet: cannot create data directory " + impossible)
                .endsWith("set KIOSKFLEET_DATA_DIR to a writable directory");
        }
    }

    @Test
    void anUnreachableMongoDbIsNamedWithTheFix() throws Exception {
        try (LaunchedService service = LaunchedService.start(dir.resolve("logs"), LaunchedService.freePort(),
            Map.of("MONGODB_URI", "mongodb://127.0.0.1:1/kioskfleet"), "--kioskfleet.store-timeout=1s")) {
            assertThat(service.awaitExit(PATIENCE)).isEqualTo(1);
            assertThat(lastLine(service.errors()))
                .startsWith("kioskfleet: cannot reach the store (MongoDB at 127.0.0.1:1, database kioskfleet): no answer within 1s");
        }
    }
}
