package io.kioskfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetSimulatorTest {

    @TempDir
    Path dir;

    @Test
    void serialsComeFromAFileOrACommaList() throws IOException {
        Path file = Files.writeString(dir.resolve("serials.txt"), "# demo laptops\nKF-1\n\n KF-2 \nKF-1\n");
        assertThat(SimulationPlan.serialsFrom(file.toString())).containsExactly("KF-1", "KF-2");
        assertThat(SimulationPlan.serialsFrom("KF-1, KF-2,,KF-3")).containsExactly("KF-1", "KF-2", "KF-3");
        assertThatThrownBy(() -> new SimulationPlan(URI.create("http://localhost"), "t", List.of(), dir, null,
            SessionPacing.DEMO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFewThreadsServeAnyFleet() {
        assertThat(FleetSimulator.threadsFor(1)).isEqualTo(2);
        assertThat(FleetSimulator.threadsFor(100)).isEqualTo(4);
        assertThat(FleetSimulator.threadsFor(10_000)).isEqualTo(8);
    }

    @Test
    void devicesThatCannotReachTheServerCountErrorsAndTheSimulatorStopsCleanly() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SimulationPlan plan = new SimulationPlan(URI.create("http://127.0.0.1:9"), "kfet_x", List.of("KF-1", "KF-2"), dir,
            Duration.ofSeconds(1), SessionPacing.DEMO);
        FleetSimulator simulator = new FleetSimulator(plan, "test", new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        simulator.start();
        for (int wait = 0; wait < 300 && simulator.summary().errors() < 2; wait++) {
            Thread.sleep(100);
        }
        simulator.close();
        simulator.close();
        simulator.awaitStop(null);

        assertThat(simulator.summary().errors()).isGreaterThanOrEqualTo(2);
        assertThat(simulator.summary().enrolled()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("simulate: KF-1: ");
        assertThat(out.toString(StandardCharsets.UTF_8)).containsOnlyOnce("(stopped)").contains("0/2 devices enrolled");
    }

    @Test
    void theCommandNeedsItsOptionsAndWholeSeconds() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AgentCommand command = new AgentCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
            StandardCharsets.UTF_8));
        assertThat(command.run(List.of("simulate", "--server", "http://localhost"))).isEqualTo(2);
        assertThat(command.run(List.of("simulate", "--server", "http://localhost", "--token", "t", "--serials", "A",
            "--state-dir", dir.toString(), "--interval-seconds", "soon"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--token is required")
            .contains("--interval-seconds must be a whole number of seconds above 0");
    }
}
