package io.kioskfleet.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The service is killed with SIGKILL while writes are in flight; after a restart on the same
 * data directory every write it acknowledged is there, every stored device has its audit
 * event, and the audit chain still verifies.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrashRecoveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void nothingAcknowledgedIsLostWhenTheProcessIsKilledMidWrite() throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> env = Map.of("KIOSKFLEET_DATA_DIR", data.toString());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String branch;

        try (LaunchedService service = LaunchedService.start(dir.resolve("logs"), LaunchedService.freePort(), env)
            .awaitHealthy(PATIENCE)) {
            ApiClient admin = service.admin();
            String hq = admin.post("/api/v1/ous", "{\"name\":\"本庁舎\"}").text("id");
            branch = admin.post("/api/v1/ous", "{\"name\":\"北部支所\",\"parentId\":\"" + hq
                + "\",\"address\":\"北区1\",\"travelMinutes\":90}").text("id");

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger next = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> {
                    while (writing.get()) {
                        String serial = String.format("CRASH-%05d", next.incrementAndGet());
                        try {
                            if (admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}")
                                .status() == 201) {
                                acknowledged.add(serial);
                            }
                        } catch (IllegalStateException connectionDropped) {
                            return;
                        }
                    }
                });
            }
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
            while (acknowledged.size() < 150) {
                assertThat(java.time.Instant.now()).as("150 writes acknowledged within a minute").isBefore(deadline);
                Thread.sleep(20);
            }
            service.kill();
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        try (LaunchedService restarted = LaunchedService.start(dir.resolve("logs"), LaunchedService.freePort(), env)
            .awaitHealthy(PATIENCE)) {
            ApiClient admin = restarted.admin();
            Set<String> stored = new HashSet<>();
            for (int page = 0; ; page++) {
                JsonNode answer = admin.get("/api/v1/devices?ou=" + branch + "&size=500&page=" + page).json();
                answer.path("items").forEach(item -> stored.add(item.path("serial").asString()));
                if (answer.path("items").size() < 500) {
                    break;
                }
            }
            assertThat(stored).containsAll(acknowledged);
            Set<String> audited = new HashSet<>();
            for (int page = 0; ; page++) {
                JsonNode events = admin.get("/api/v1/audit?size=500&page=" + page).json().path("items");
                events.forEach(event -> audited.add(event.path("targetId").asString()));
                if (events.size() < 500) {
                    break;
                }
            }
            JsonNode devices = admin.get("/api/v1/devices?ou=" + branch + "&size=500").json().path("items");
            devices.forEach(device -> assertThat(audited).as("audit event of %s", device.path("serial").asString())
                .contains(device.path("id").asString()));
            JsonNode verification = admin.get("/api/v1/audit/verify").json();
            assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("eventsChecked").asInt()).isGreaterThanOrEqualTo(acknowledged.size() + 3);
        }
    }
}
