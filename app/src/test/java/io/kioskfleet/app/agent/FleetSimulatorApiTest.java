package io.kioskfleet.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.agent.FleetSimulator;
import io.kioskfleet.agent.SessionPacing;
import io.kioskfleet.agent.SimulationPlan;
import io.kioskfleet.agent.SimulationSummary;
import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.core.checkin.PresenceRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The fleet simulator's virtual laptops against the running service: enrolled, seen, and their sessions verified. */
class FleetSimulatorApiTest extends RunningServiceTest {

    private static final SessionPacing QUICK = new SessionPacing(Duration.ofMillis(200), Duration.ofMillis(500),
        Duration.ofMillis(300), Duration.ofMillis(800));
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @TempDir
    Path stateDir;

    @Test
    void threeVirtualLaptopsEnrollOnceCheckInAndHaveTheirSessionsVerifiedAndARerunKeepsTheirIdentities() {
        String branch = newBranch(20);
        List<String> serials = IntStream.rangeClosed(1, 3).mapToObj(i -> unique("SIM")).toList();
        serials.forEach(serial -> assertThat(admin.post("/api/v1/devices",
            "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}").status()).isEqualTo(201));
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\",\"maxUses\":3}").text("secret");
        SimulationPlan plan = new SimulationPlan(URI.create("http://127.0.0.1:" + port), token, serials, stateDir,
            Duration.ofSeconds(1), QUICK);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        try (FleetSimulator simulator = new FleetSimulator(plan, "test-simulator", quiet(), new PrintStream(err, true,
            StandardCharsets.UTF_8))) {
            simulator.start();
            waitFor(() -> simulator.summary().attestations() >= 3 && simulator.summary().enrolled() == 3);
        }

        assertThat(admin.get("/api/v1/sessions?ou=" + branch + "&state=VERIFIED").body()).contains("ses_");
        PresenceRepository presence = new PresenceRepository(store);
        waitFor(() -> presence.lastSeenByDevice().size() >= 3 && deviceIdsOf(branch).stream()
            .allMatch(id -> presence.find(id).isPresent()));
        assertThat(deviceIdsOf(branch)).hasSize(3);

        // A second run uses the identities the first one kept: the token has no uses left, yet nothing fails.
        try (FleetSimulator again = new FleetSimulator(plan, "test-simulator", quiet(), quiet())) {
            assertThat(again.summary().enrolled()).isEqualTo(3);
            again.start();
            waitFor(() -> again.summary().checkIns() >= 3);
            SimulationSummary summary = again.summary();
            assertThat(summary.errors()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
    }

    @Test
    void aVirtualLaptopInASessionCarriesOutAWipeCommandAsTheRealAgentDoes() {
        String branch = newBranch(20);
        String serial = unique("SIMW");
        assertThat(admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}").status())
            .isEqualTo(201);
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\",\"maxUses\":1}").text("secret");
        // Sessions start at once and last a minute, so the wipe command finds one running.
        SessionPacing longSessions = new SessionPacing(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMinutes(1),
            Duration.ofMinutes(1));
        SimulationPlan plan = new SimulationPlan(URI.create("http://127.0.0.1:" + port), token, List.of(serial), stateDir,
            Duration.ofSeconds(1), longSessions);

        try (FleetSimulator simulator = new FleetSimulator(plan, "test-simulator", quiet(), quiet())) {
            simulator.start();
            waitFor(() -> simulator.summary().sessions() >= 1);
            String device = deviceIdsOf(branch).get(0);
            String command = admin.post("/api/v1/commands", "{\"type\":\"WIPE\",\"deviceIds\":[\"" + device + "\"]}")
                .json().path("devices").get(0).path("commandId").asString();
            waitFor(() -> admin.get("/api/v1/commands/" + command).text("state").equals("SUCCEEDED"));
            waitFor(() -> admin.get("/api/v1/sessions?device=" + device + "&state=VERIFIED").json().path("total").asLong() == 1);
            assertThat(simulator.summary().attestations()).isEqualTo(1);
        }
    }

    private List<String> deviceIdsOf(String ouId) {
        List<String> ids = new java.util.ArrayList<>();
        admin.get("/api/v1/devices?ou=" + ouId).json().path("items")
            .forEach(device -> {
                if ("ENROLLED".equals(device.path("status").asString())) {
                    ids.add(device.path("id").asString());
                }
            });
        return ids;
    }

    private static PrintStream quiet() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }

    private static void waitFor(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("still waiting after " + DEADLINE.toSeconds() + " s").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
