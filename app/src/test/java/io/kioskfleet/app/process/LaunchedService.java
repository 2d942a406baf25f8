package io.kioskfleet.app.process;

import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.KioskFleetApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * KioskFleet started as its own operating-system process, as an operator starts it, so a test
 * can kill it with SIGKILL or watch it refuse to start.
 */
final class LaunchedService implements AutoCloseable {

    static final String PASSWORD = "launched-admin-password";

    private final Process process;
    private final Path output;
    private final Path errors;
    private final int port;

    private LaunchedService(Process process, Path output, Path errors, int port) {
        this.process = process;
        this.output = output;
        this.errors = errors;
        this.port = port;
    }

    /** Starts the service on {@code port} with the extra arguments and environment. */
    static LaunchedService start(Path logDir, int port, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-cp", System.getProperty("java.class.path"),
            KioskFleetApplication.class.getName(),
            "--server.port=" + port));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logDir);
            Path output = Files.createTempFile(logDir, "stdout-", ".log");
            Path errors = Files.createTempFile(logDir, "stderr-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(output.toFile()).redirectError(errors.toFile());
            builder.environment().remove("MONGODB_URI");
            builder.environment().put("KIOSKFLEET_ADMIN_PASSWORD", PASSWORD);
            builder.environment().putAll(environment);
            return new LaunchedService(builder.start(), output, errors, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP port nobody listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /actuator/health} answers UP. */
    LaunchedService awaitHealthy(Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        ApiClient client = ApiClient.anonymous(port);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ": " + errors());
            }
            try {
                if (client.get("/actuator/health").body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not healthy within " + patience + "; output: " + tail(output));
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + patience + "; output: " + tail(output));
        }
        return process.exitValue();
    }

    /** Kills the process as SIGKILL does: no shutdown hooks, no flushing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The port it serves on. */
    int port() {
        return port;
    }

    /**
     * The loopback port on which this process's embedded store listens (it listens for its own
     * driver only; see docs/operations.md), found among the process's listening sockets in
     * {@code /proc}: the one that is not its HTTP port. Linux only.
     */
    int embeddedStorePort() {
        try {
            Set<String> sockets = new HashSet<>();
            try (var fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
                fds.forEach(fd -> {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            sockets.add(target.substring("socket:[".length(), target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // not a socket of interest
                    }
                });
            }
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] columns = line.trim().split("\\s+");
                    String local = columns[1];
                    int listening = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                    if (columns[3].equals("0A") && sockets.contains(columns[9]) && listening != port) {
                        return listening;
                    }
                }
            }
            throw new IllegalStateException("no store port among the sockets of process " + process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApiClient admin() {
        return ApiClient.signedIn(port, "admin", PASSWORD);
    }

    /** What it wrote to standard error. */
    String errors() {
        try {
            return Files.readString(errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
