package io.kioskfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AgentCommand command = new AgentCommand(
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void withoutArgumentsItPrintsUsage() {
        assertThat(command.run(List.of())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: kioskfleet-agent");
    }

    @Test
    void anUnknownCommandIsOneLineAndExitCodeTwo() {
        assertThat(command.run(List.of("frobnicate"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
            .isEqualTo("kioskfleet-agent: unknown command 'frobnicate' (try 'kioskfleet-agent help')");
    }

    @Test
    void aSessionEndWithAnUnknownReasonIsWrongUsageAndAWipeWithoutASessionIsRefusedLocally() {
        assertThat(command.run(List.of("session-end", "--state-dir", "/tmp/none", "--reason", "BORED"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--reason must be one of [TIMEOUT, IDLE, SCHEDULE, USER, COMMAND]");
        assertThat(command.run(List.of("wipe", "--state-dir", "/tmp/kioskfleet-no-such-state", "--dir", "/tmp/x")))
            .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no session: run 'kioskfleet-agent session-start' first");
    }

    @Test
    void versionNamesTheAgent() {
        assertThat(command.run(List.of("version"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("kioskfleet-agent ");
    }

    @Test
    void enrollWithoutItsOptionsIsWrongUsage() {
        assertThat(command.run(List.of("enroll", "--server", "http://127.0.0.1:1"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--token is required");
    }

    @Test
    void aMistypedOptionIsNamed() {
        assertThat(command.run(List.of("check-in", "--state-dri", "/tmp/x"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --state-dri");
    }

    @Test
    void checkingInBeforeEnrollingSaysWhatToDo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(command.run(List.of("check-in", "--state-dir", dir.toString()))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not enrolled yet");
    }

    @Test
    void theUsageNamesEveryCommand() {
        command.run(List.of("help"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("enroll", "check-in", "run", "--session-dir", "--state-dir",
            "version");
    }

    @Test
    void runningNeedsAGuestDirectoryOutsideTheStateAndAnEnrolledDevice(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(command.run(List.of("run", "--state-dir", dir.toString()))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--session-dir is required");
        assertThat(command.run(List.of("run", "--state-dir", dir.toString(), "--session-dir", dir.resolve("guest").toString())))
            .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a wipe would erase the device key");
        assertThat(command.run(List.of("run", "--state-dir", dir.resolve("state").toString(), "--session-dir",
            dir.resolve("guest").toString(), "--duration-seconds", "1"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not enrolled yet");
    }
}
