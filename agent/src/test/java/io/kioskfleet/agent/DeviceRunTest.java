package io.kioskfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.commands.DeviceCommand;
import io.kioskfleet.protocol.policy.ClipboardMode;
import io.kioskfleet.protocol.policy.DevicePolicy;
import io.kioskfleet.protocol.policy.LocalizedText;
import io.kioskfleet.protocol.policy.MaintenanceWindow;
import io.kioskfleet.protocol.policy.NetworkZone;
import io.kioskfleet.protocol.policy.SessionEnd;
import io.kioskfleet.protocol.policy.UsbStorageMode;
import io.kioskfleet.protocol.policy.WipeArea;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import io.kioskfleet.protocol.signing.AttestationSignature;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long-running agent against a stand-in server, its clock moved by hand. */
class DeviceRunTest {

    private static final String CERTIFICATES = "${sessionProfile}/Certs/**";
    private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    @TempDir
    Path stateDir;
    @TempDir
    Path guestDir;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T00:00:00Z")); // 09:00 in Tokyo
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private volatile Instant lastInput;
    private StandInFleetServer server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    static DevicePolicy policy(int maxMinutes, int idleMinutes, int warningMinutes, List<LocalTime> closingTimes) {
        return DevicePolicy.of(
            new DevicePolicy.Session(maxMinutes, idleMinutes, warningMinutes, closingTimes, List.of(SessionEnd.values())),
            new DevicePolicy.Wipe(true, List.of(WipeArea.values()), List.of(CERTIFICATES), true, false),
            new DevicePolicy.Access(List.of(), List.of(), NetworkZone.BOTH, List.of()),
            new DevicePolicy.Data(true, List.of(), ClipboardMode.ALLOWED, true, UsbStorageMode.BLOCKED, false),
            new DevicePolicy.Device(false, 0, "", new LocalizedText("", ""), ZoneId.of("Asia/Tokyo"), "ja",
                new MaintenanceWindow(LocalTime.of(2, 0), LocalTime.of(4, 0)),
                new LocalizedText("この端末は紛失端末です", "This device is reported lost")));
    }

    private DeviceRun enrolledDevice(DevicePolicy policy) throws IOException {
        server = new StandInFleetServer(policy);
        new DeviceAgent(new StateDirectory(stateDir), uri -> new FleetServerClient(uri, ONCE, Clock.systemUTC()), "test")
            .enroll(server.address(), "kfet_test", "SN-1");
        return restarted();
    }

    /** The agent as a fresh process over the same state and guest directories. */
    private DeviceRun restarted() {
        return new DeviceRun(new RunOptions(stateDir, guestDir, null, "3F-A-12"),
            uri -> new FleetServerClient(uri, ONCE, Clock.systemUTC()), "test", clock,
            () -> Optional.ofNullable(lastInput), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private void typeFor(Duration duration, DeviceRun device) {
        for (long minute = 0; minute < duration.toMinutes(); minute++) {
            clock.advance(Duration.ofMinutes(1));
            lastInput = clock.instant();
            device.tick();
        }
    }

    private void guestLeaves(String... files) throws IOException {
        for (String relative : files) {
            Path file = guestDir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "written in the session: " + relative);
        }
    }

    private List<String> guestFiles() throws IOException {
        try (Stream<Path> all = Files.walk(guestDir)) {
            return all.filter(Files::isRegularFile).map(file -> guestDir.relativize(file).toString()).toList();
        }
    }

    /** What the server took about sessions, as "kind sessionId". */
    private List<String> sessionReports() {
        return server.taken("/agent/v1/sessions").stream().map(taken -> {
            String id = ProtocolJson.MAPPER.readTree(taken.body()).path("sessionId").asString();
            if (taken.path().endsWith("/end")) {
                return "end " + taken.path().split("/")[4] + " " + ProtocolJson.MAPPER.readTree(taken.body()).path("reason").asString();
            }
            return (taken.path().endsWith("/attestation") ? "attestation " : "start ") + id;
        }).toList();
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void offTheNetworkASessionIsWarnedEndedAtItsMaximumLengthAndWipedAndTheServerGetsEveryReportOnceInOrderAfterARestart()
        throws IOException {
        DeviceRun device = enrolledDevice(policy(5, 4, 1, List.of()));
        device.tick();
        String first = new StateDirectory(stateDir).session().orElseThrow().sessionId();
        assertThat(sessionReports()).containsExactly("start " + first);
        guestLeaves("downloads/申請書.pdf", "sessionProfile/Documents/memo.txt", "sessionProfile/Certs/root.cer", "stray.tmp");

        server.down();
        typeFor(Duration.ofMinutes(4), device);
        assertThat(printed()).contains("warning: this session will be logged out at 09:05 (maximum session length)",
            "警告: 09:05 にログアウトします (最大利用時間)");
        assertThat(stateDir.resolve(SessionNotices.WARNING_FILE)).exists();
        typeFor(Duration.ofMinutes(1), device);

        assertThat(guestFiles()).containsExactly("sessionProfile/Certs/root.cer");
        assertThat(stateDir.resolve(SessionNotices.WARNING_FILE)).doesNotExist();
        assertThat(new StateDirectory(stateDir).session()).isEmpty();
        assertThat(new EventJournal(stateDir).pending()).extracting(JournalEntry::kind)
            .containsExactly(JournalEntry.Kind.SESSION_END, JournalEntry.Kind.WIPE_ATTESTATION);
        assertThat(device.offline()).isTrue();
        assertThat(sessionReports()).containsExactly("start " + first);

        DeviceRun afterRestart = restarted();
        server.up();
        afterRestart.tick();

        String second = new StateDirectory(stateDir).session().orElseThrow().sessionId();
        assertThat(sessionReports()).containsExactly("start " + first, "end " + first + " TIMEOUT",
            "attestation " + first, "start " + second);
        assertThat(new EventJournal(stateDir).pending()).isEmpty();
        WipeAttestation attestation = ProtocolJson.MAPPER.readValue(server.taken("/attestation").get(0).body(),
            WipeAttestation.class);
        byte[] publicKey = DeviceKeyPair.decodePublicKey(new StateDirectory(stateDir).keys().publicKeyText());
        assertThat(AttestationSignature.verify(publicKey, attestation)).isTrue();
        assertThat(attestation.erasedFiles()).isEqualTo(3);
        assertThat(attestation.preserved()).containsExactly(CERTIFICATES);
        assertThat(attestation.clean()).isTrue();
        assertThat(stateDir.resolve("device.key")).exists();
    }

    @Test
    void withNobodyAtTheDeviceTheSessionEndsForIdlenessAfterAWarningThatInputTakesBackAndTheNextStartsAtTheNextInput()
        throws IOException {
        DeviceRun device = enrolledDevice(policy(240, 30, 5, List.of()));
        device.tick();
        clock.advance(Duration.ofMinutes(26));
        device.tick();
        assertThat(stateDir.resolve(SessionNotices.WARNING_FILE)).content(StandardCharsets.UTF_8).contains("IDLE", "無操作");
        lastInput = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        device.tick();
        assertThat(stateDir.resolve(SessionNotices.WARNING_FILE)).doesNotExist();
        clock.advance(Duration.ofMinutes(30));
        device.tick();
        assertThat(sessionReports()).hasSize(3).element(1).asString().endsWith(" IDLE");

        clock.advance(Duration.ofMinutes(20));
        device.tick();
        assertThat(new StateDirectory(stateDir).session()).isEmpty();
        lastInput = clock.instant();
        device.tick();
        assertThat(new StateDirectory(stateDir).session()).isPresent();
    }

    @Test
    void theClosingTimeInThePolicysTimeZoneEndsTheSession() throws IOException {
        DeviceRun device = enrolledDevice(policy(1440, 1439, 0, List.of(LocalTime.of(9, 30))));
        device.tick();
        clock.advance(Duration.ofMinutes(29));
        device.tick();
        assertThat(new StateDirectory(stateDir).session().orElseThrow().running()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        device.tick();
        assertThat(sessionReports()).element(1).asString().endsWith(" SCHEDULE");
    }

    @Test
    void commandsLogOutShowAMessageLockTheDeviceAsLostAndRetireIt() throws IOException {
        DeviceRun device = enrolledDevice(policy(240, 30, 5, List.of()));
        device.tick();
        guestLeaves("downloads/form.pdf");
        server.queue(command("cmd_logout", CommandType.LOGOUT, CommandPayload.NONE));
        server.queue(command("cmd_message", CommandType.MESSAGE,
            new CommandPayload(new LocalizedText("17時に閉庁します", "The office closes at 17:00"), null, null)));
        clock.advance(Duration.ofSeconds(301));
        device.tick();

        assertThat(sessionReports()).element(1).asString().endsWith(" COMMAND");
        assertThat(guestFiles()).isEmpty();
        assertThat(printed()).contains("message: 17時に閉庁します", "message: The office closes at 17:00");
        assertThat(server.taken("/result")).extracting(StandInFleetServer.Taken::body)
            .allMatch(body -> body.contains("\"success\":true"));

        lastInput = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofSeconds(2));
        device.tick();
        assertThat(new StateDirectory(stateDir).session()).isPresent();
        server.queue(command("cmd_lock", CommandType.LOCK, new CommandPayload(null, null, "電車に置き忘れ")));
        server.lock();
        clock.advance(Duration.ofSeconds(301));
        device.tick();
        assertThat(new StateDirectory(stateDir).lostMode()).contains("電車に置き忘れ");
        assertThat(new StateDirectory(stateDir).session()).isEmpty();
        assertThat(printed()).contains("この端末は紛失端末です");
        lastInput = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofSeconds(2));
        device.tick();
        assertThat(new StateDirectory(stateDir).session()).as("a lost device holds no sessions").isEmpty();

        server.queue(command("cmd_retire", CommandType.RETIRE, CommandPayload.NONE));
        clock.advance(Duration.ofSeconds(301));
        device.tick();
        assertThat(device.retired()).isTrue();
        assertThat(new StateDirectory(stateDir).identity()).isEmpty();
        assertThat(server.taken("/ack")).extracting(StandInFleetServer.Taken::path)
            .containsExactly("/agent/v1/commands/cmd_logout/ack", "/agent/v1/commands/cmd_message/ack",
                "/agent/v1/commands/cmd_lock/ack", "/agent/v1/commands/cmd_retire/ack");
    }

    private DeviceCommand command(String id, CommandType type, CommandPayload payload) {
        return new DeviceCommand(id, type, payload, clock.instant(), clock.instant().plus(Duration.ofHours(2)));
    }

    @Test
    void theRunCommandHoldsASessionUntilItsTimeIsUpAndOnlyOneAgentRunsOnAStateDirectory() throws IOException {
        enrolledDevice(policy(240, 30, 5, List.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AgentCommand command = new AgentCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> run = List.of("run", "--state-dir", stateDir.toString(), "--session-dir", guestDir.toString(),
            "--desk", "3F-A-12", "--duration-seconds", "2");

        try (RunLock held = RunLock.take(stateDir)) {
            assertThat(command.run(run)).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("another agent runs on " + stateDir);
        }
        assertThat(command.run(run)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("policy ", "session ses_", "started (guest, desk 3F-A-12)");
        assertThat(server.taken("/agent/v1/sessions")).hasSize(1);
        assertThat(new StateDirectory(stateDir).session().orElseThrow().running()).as("it goes on at the next start").isTrue();
    }

    @Test
    void aCommandResultTheServerDidNotTakeIsKeptAndReportedAfterARestartWithoutCarryingTheCommandOutAgain()
        throws IOException {
        DeviceRun device = enrolledDevice(policy(240, 30, 5, List.of()));
        device.tick();
        server.queue(command("cmd_logout", CommandType.LOGOUT, CommandPayload.NONE));
        server.failing("/result");
        clock.advance(Duration.ofSeconds(301));
        device.tick();
        assertThat(server.taken("/result")).isEmpty();
        assertThat(stateDir.resolve(StateDirectory.RESULTS_FILE)).exists();

        server.failing(null);
        clock.advance(Duration.ofMinutes(1));
        restarted().tick();

        assertThat(server.taken("/result")).singleElement().extracting(StandInFleetServer.Taken::path)
            .isEqualTo("/agent/v1/commands/cmd_logout/result");
        assertThat(stateDir.resolve(StateDirectory.RESULTS_FILE)).doesNotExist();
        assertThat(sessionReports()).filteredOn(report -> report.startsWith("end ")).hasSize(1);
    }
}
