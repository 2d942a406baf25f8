package io.kioskfleet.app.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.agent.DeviceAgent;
import io.kioskfleet.agent.DeviceRun;
import io.kioskfleet.agent.EventJournal;
import io.kioskfleet.agent.FleetServerClient;
import io.kioskfleet.agent.RetryPolicy;
import io.kioskfleet.agent.RunOptions;
import io.kioskfleet.agent.ServerRefusal;
import io.kioskfleet.agent.StateDirectory;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.protocol.faults.FaultCategory;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.signing.SignedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A laptop running the real long-running agent ({@code kioskfleet-agent run}) against the running
 * service: its clock is moved by hand, from ten minutes in the past, so a five-minute session ends
 * on its timer without waiting and every time it reports lies behind the server's clock.
 */
class LaptopRunStoryTest extends RunningServiceTest {

    private static final String CERTIFICATES = "${sessionProfile}/AppData/Roaming/Microsoft/SystemCertificates/**";
    private static final String CERTIFICATE_FILE = "sessionProfile/AppData/Roaming/Microsoft/SystemCertificates/My/root.cer";
    private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    @LocalServerPort
    int port;
    @TempDir
    Path stateDir;
    @TempDir
    Path guestDir;
    String branch;
    /** The device's clock: the test moves it, from ten minutes ago. */
    final SettableClock clock = new SettableClock();
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    volatile Instant lastInput;
    /** False pulls the laptop's network cable: its requests then meet a closed port. */
    volatile boolean networkUp = true;

    @BeforeEach
    void branchWithFiveMinuteSessionsThatKeepTheCertificateStore() {
        clock.advance(Duration.ofMinutes(-10));
        branch = newBranch(30);
        BranchPolicies.publishFor(admin, branch, "five-minutes",
            "  session:\n    maxLengthMinutes: 5\n    idleLogoutMinutes: 4\n    warningBeforeLogoutMinutes: 1\n"
                + "  wipe:\n    preserve:\n      - \"" + CERTIFICATES + "\"\n");
    }

    /** An admin registers the serial and creates a token; the laptop enrolls with the real agent. */
    private String enrolledLaptop() {
        String serial = unique("SN");
        assertThat(admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}").status())
            .isEqualTo(201);
        Answer token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\",\"maxUses\":1}");
        assertThat(token.status()).isEqualTo(201);
        return new DeviceAgent(new StateDirectory(stateDir), this::client, "test-agent")
            .enroll(URI.create("http://127.0.0.1:" + port), token.text("secret"), serial).deviceId();
    }

    private FleetServerClient client(URI server) {
        return new FleetServerClient(networkUp ? server : closedPort(), ONCE, Clock.systemUTC());
    }

    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The agent process, started (again) over the laptop's state and guest directories. */
    private DeviceRun agentProcess() {
        return new DeviceRun(new RunOptions(stateDir, guestDir, null, "3F-A-12"), this::client, "test-agent", clock,
            () -> Optional.ofNullable(lastInput), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    /** Someone works at the laptop for {@code minutes}, the agent ticking each minute. */
    private void guestWorks(int minutes, DeviceRun agent) {
        for (int minute = 0; minute < minutes; minute++) {
            clock.advance(Duration.ofMinutes(1));
            lastInput = clock.instant();
            agent.tick();
        }
    }

    private void guestLeaves(String... files) throws IOException {
        for (String relative : files) {
            Path file = guestDir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "made in the session: " + relative);
        }
    }

    private List<String> guestFiles() throws IOException {
        try (Stream<Path> all = Files.walk(guestDir)) {
            return all.filter(Files::isRegularFile).map(file -> guestDir.relativize(file).toString()).toList();
        }
    }

    private String sessionState(String sessionId) {
        return admin.get("/api/v1/sessions/" + sessionId).json().path("session").path("state").asString();
    }

    private String runningSessionId() {
        return new StateDirectory(stateDir).session().orElseThrow().sessionId();
    }

    @Test
    void aLaptopEnrollsRunsATimedGuestSessionWipesItProvesTheWipeAndIsShutOutOnceAnAdminLocksItAsLost()
        throws IOException {
        String deviceId = enrolledLaptop();
        DeviceRun agent = agentProcess();
        agent.tick();
        String policyEtag = new StateDirectory(stateDir).policy().orElseThrow().etag();
        assertThat(new StateDirectory(stateDir).policy().orElseThrow().session().maxLengthMinutes()).isEqualTo(5);
        String sessionId = runningSessionId();
        assertThat(sessionState(sessionId)).isEqualTo("STARTED");
        var started = admin.get("/api/v1/sessions/" + sessionId).json().path("session");
        assertThat(started.path("policyEtag").asString()).isEqualTo(policyEtag);
        assertThat(started.path("preserveAtStart").get(0).asString()).as("the wipe will be checked against these")
            .isEqualTo(CERTIFICATES);

        guestLeaves("downloads/申請書.pdf", "browserData/Default/History", "sessionProfile/Documents/memo.txt",
            CERTIFICATE_FILE);
        guestWorks(4, agent);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("warning: this session will be logged out at");
        guestWorks(1, agent);

        assertThat(guestFiles()).containsExactly(CERTIFICATE_FILE);
        Answer evidence = admin.get("/api/v1/sessions/" + sessionId);
        assertThat(evidence.json().path("session").path("state").asString()).isEqualTo("VERIFIED");
        assertThat(evidence.json().path("session").path("endReason").asString()).isEqualTo("TIMEOUT");
        assertThat(evidence.json().path("attestation").path("signatureVerified").asBoolean()).isTrue();
        assertThat(evidence.json().path("attestation").path("erasedFiles").asLong()).isEqualTo(3);
        assertThat(evidence.json().path("attestation").path("preserved").get(0).asString()).isEqualTo(CERTIFICATES);

        Answer lock = admin.post("/api/v1/devices/" + deviceId + "/lock", "{\"reason\":\"電車に置き忘れ\"}");
        assertThat(lock.status()).as(lock.body()).isEqualTo(201);
        String lockId = lock.json().path("devices").get(0).path("commandId").asString();
        clock.advance(Duration.ofMinutes(6)); // past the next check-in the server set
        agent.tick();

        assertThat(new StateDirectory(stateDir).lostMode()).contains("電車に置き忘れ");
        assertThat(admin.get("/api/v1/commands/" + lockId).text("state")).isEqualTo("SUCCEEDED");
        lastInput = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofSeconds(2));
        agent.tick();
        assertThat(new StateDirectory(stateDir).session()).as("a locked laptop holds no sessions").isEmpty();

        StateDirectory state = new StateDirectory(stateDir);
        try (FleetServerClient direct = FleetServerClient.to(URI.create("http://127.0.0.1:" + port))) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            assertThatThrownBy(() -> direct.startSession(deviceId, state.keys(),
                new SessionStart(SessionIds.newId(now), null, "3F-A-12", policyEtag, now)))
                .isInstanceOfSatisfying(ServerRefusal.class, refused -> {
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(refused.type()).isEqualTo("urn:kioskfleet:problem:device-locked");
                });
        }
        byte[] fault = ("{\"reportId\":\"lost-1\",\"category\":\"" + FaultCategory.OTHER + "\",\"message\":\"hello\"}")
            .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(DeviceRequests.signedHeaders(deviceId, state.keys(),
            SignedRequest.of("POST", "/agent/v1/faults", Instant.now(), fault)));
        headers.put("Content-Type", "application/json");
        DeviceRequests.Answer refused = new DeviceRequests(port).send("POST", "/agent/v1/faults", headers, fault);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.reason()).isEqualTo("device-locked");
    }

    @Test
    void aLaptopOffTheNetworkKeepsEndingAndWipingSessionsAndTheServerGetsEachReportOnceWhenItIsBackEvenAfterARestart()
        throws IOException {
        String deviceId = enrolledLaptop();
        DeviceRun agent = agentProcess();
        agent.tick();
        String first = runningSessionId();

        networkUp = false;
        guestLeaves("downloads/申請書.pdf", CERTIFICATE_FILE);
        guestWorks(6, agent); // the session ends at five minutes, and the next starts at the next input
        String second = runningSessionId();
        assertThat(second).isNotEqualTo(first);
        assertThat(guestFiles()).containsExactly(CERTIFICATE_FILE);
        assertThat(sessionState(first)).isEqualTo("STARTED");
        assertThat(new EventJournal(stateDir).pending()).hasSize(3);

        DeviceRun restarted = agentProcess(); // the agent process restarts while the network is still away
        restarted.tick();
        assertThat(new EventJournal(stateDir).pending()).hasSize(3);
        Path journalCopy = Files.copy(stateDir.resolve(EventJournal.FILE), stateDir.resolve("journal-copy"));

        networkUp = true;
        clock.advance(Duration.ofMinutes(1));
        restarted.tick();

        assertThat(new EventJournal(stateDir).pending()).isEmpty();
        assertThat(sessionState(first)).isEqualTo("VERIFIED");
        assertThat(sessionState(second)).isEqualTo("STARTED");

        // the same reports again (as after a crash between sending and forgetting them) change nothing
        Files.move(journalCopy, stateDir.resolve(EventJournal.FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        clock.advance(Duration.ofMinutes(6));
        agentProcess().tick();
        assertThat(new EventJournal(stateDir).pending()).isEmpty();
        assertThat(stateDir.resolve(EventJournal.REFUSED_FILE)).doesNotExist();
        assertThat(sessionState(first)).isEqualTo("VERIFIED");
        assertThat(admin.get("/api/v1/devices/" + deviceId + "/sessions").json().path("total").asLong()).isEqualTo(2);
        assertThat(admin.get("/api/v1/refused-attestations?size=200").body()).doesNotContain(deviceId);
    }
}
