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
    void versionNamesTheAgent() {
        assertThat(command.run(List.of("version"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("kioskfleet-agent ");
    }
}
