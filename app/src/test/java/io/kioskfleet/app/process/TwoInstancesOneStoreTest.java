package io.kioskfleet.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.agent.EnrolledLaptop;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service share one store, as the scheduling and the serving instance of a
 * scaled-out installation do (docs/operations.md); the scheduling one is killed with SIGKILL in
 * the middle of a wave, and the other takes the scheduler lease within 30 s and completes the wave.
 *
 * <p>Without a MongoDB on the build machines, the shared store is a third instance's embedded
 * store, reached by the other two as {@code MONGODB_URI} on its loopback port. That instance
 * schedules nothing and takes over no runs, and nothing but this test's background work writes
 * through it: its in-process version locks do not cover the other two's writes, so this is a test
 * arrangement, never a way to run the service.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TwoInstancesOneStoreTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private LaunchedService start(Map<String, String> environment, String... args) throws InterruptedException {
        return LaunchedService.start(dir.resolve("logs"), LaunchedService.freePort(), environment, args)
            .awaitHealthy(PATIENCE);
    }

    /** A scheduling instance on the shared store: a short lease, and quick to take over a silent run. */
    private LaunchedService instance(String name, String storeUri) throws InterruptedException {
        return start(Map.of("MONGODB_URI", storeUri), "--kioskfleet.scheduler.instance-id=" + name,
            "--kioskfleet.scheduler.lease-ttl=6s", "--kioskfleet.scheduler.renew-every=2s",
            "--kioskfleet.jobs.silence=3s", "--kioskfleet.jobs.check-every=1s");
    }

    /** Enrolls the pre-registered {@code PAIR-000}… laptops, eight at a time; their device ids. */
    private static List<String> enrollInParallel(int port, String token, int laptops) throws Exception {
        ExecutorService enrolling = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> enrolled = new ArrayList<>();
            for (int i = 0; i < laptops; i++) {
                String serial = String.format("PAIR-%03d", i);
                enrolled.add(enrolling.submit(() -> new EnrolledLaptop(port).enroll(token, serial).deviceId()));
            }
            List<String> devices = new ArrayList<>();
            for (Future<String> each : enrolled) {
                devices.add(each.get());
            }
            return devices;
        } finally {
            enrolling.shutdown();
        }
    }

    private static String leaseHolder(MongoClient store) {
        Document lease = store.getDatabase("kioskfleet").getCollection("scheduler_lease").find().first();
        return lease == null ? null : lease.getString("holder");
    }

    @Test
    void whenTheSchedulingInstanceIsKilledTheOtherTakesOverWithin30SecondsAndTheWaveCompletes() throws Exception {
        // Enough laptops that a wave of one device per chunk lasts a few seconds on a quick machine,
        // so it is still under way when its instance is killed.
        int laptops = 600;
        try (LaunchedService storeHost = start(Map.of("KIOSKFLEET_DATA_DIR", dir.resolve("data").toString()),
                 "--kioskfleet.scheduler.enabled=false", "--kioskfleet.jobs.check-every=0s")) {
            String storeUri = "mongodb://127.0.0.1:" + storeHost.embeddedStorePort() + "/kioskfleet";
            try (MongoClient store = MongoClients.create(storeUri);
                 LaunchedService first = instance("instance-a", storeUri)) {
                Eventually.holds("instance A holding the scheduler lease", PATIENCE, () -> "instance-a".equals(leaseHolder(store)));
                try (LaunchedService second = instance("instance-b", storeUri)) {
                    ApiClient admin = first.admin();
                    String hq = admin.post("/api/v1/ous", "{\"name\":\"本庁舎\"}").text("id");
                    String branch = admin.post("/api/v1/ous", "{\"name\":\"南部支所\",\"parentId\":\"" + hq
                        + "\",\"address\":\"南区1\",\"travelMinutes\":30}").text("id");
                    String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\",\"maxUses\":"
                        + laptops + "}").text("secret");
                    StringBuilder csv = new StringBuilder("serial,ou\n");
                    for (int i = 0; i < laptops; i++) {
                        csv.append(String.format("PAIR-%03d", i)).append(',').append(branch).append('\n');
                    }
                    Answer imported = admin.postBytes("/api/v1/devices/import", "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8));
                    assertThat(imported.json().path("created").asInt()).as(imported.body()).isEqualTo(laptops);
                    List<String> devices = enrollInParallel(first.port(), token, laptops);
                    Answer schedule = admin.post("/api/v1/schedules", "{\"name\":\"閉庁時の一斉消去\","
                        + "\"kind\":\"LOGOUT_AND_WIPE\",\"timesOfDay\":[\"03:00\"],\"target\":{\"ouIds\":[\"" + branch
                        + "\"]},\"batchSize\":1,\"enabled\":false}");
                    assertThat(schedule.status()).as(schedule.body()).isEqualTo(201);
                    String runId = admin.post("/api/v1/schedules/" + schedule.text("id") + "/run-now", "").text("runId");
                    Eventually.holds("the wave under way on instance A", Duration.ofSeconds(30),
                        () -> admin.get("/api/v1/job-runs/" + runId).json().path("counts").path("queued").asLong() >= 3);
                    first.kill();
                    Instant killed = Instant.now();

                    Eventually.holds("instance B holding the scheduler lease", FAILOVER_LIMIT,
                        () -> "instance-b".equals(leaseHolder(store)));
                    ApiClient survivor = second.admin();
                    Eventually.holds("the wave completed by instance B", FAILOVER_LIMIT.minus(Duration.between(killed, Instant.now())),
                        () -> survivor.get("/api/v1/job-runs/" + runId).json().path("state").asString().equals("COMPLETED"));
                    // Only instance B looks for silent runs (the store's host looked once, at its start).
                    JsonNode run = survivor.get("/api/v1/job-runs/" + runId).json();
                    assertThat(run.path("resumptions").asInt()).as("taken over after the kill: %s", run).isGreaterThanOrEqualTo(1);
                    assertThat(run.path("counts").path("queued").asLong()).isEqualTo(laptops);
                    for (String device : devices) {
                        JsonNode commands = survivor.get("/api/v1/commands?device=" + device + "&size=50").json().path("items");
                        assertThat(commands.size()).as("commands for %s", device).isEqualTo(1);
                        assertThat(commands.get(0).path("runId").asString()).isEqualTo(runId);
                    }
                    JsonNode verification = survivor.get("/api/v1/audit/verify").json();
                    assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
                }
            }
        }
    }
}
