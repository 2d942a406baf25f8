package io.kioskfleet.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The KioskFleet server as its own JVM (the app's boot jar with a fixed heap), on a free port and
 * a given data directory, its output in {@code server.log} there. Asked for its live heap with
 * {@code jcmd}, and stopped when closed.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code jar} with {@code jvmOptions} and the service's {@code settings}
     * ({@code --name=value}) and waits until its health answers UP.
     */
    static ServerProcess start(Path jar, Path dataDir, List<String> jvmOptions, List<String> settings)
        throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--kioskfleet.data-dir=" + dataDir);
        command.addAll(settings);
        Path log = dataDir.resolve("server.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, port, log);
        server.awaitHealthy(Duration.ofMinutes(3));
        return server;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The server's output so far. */
    String output() throws IOException {
        return Files.readString(log);
    }

    private static final int ATTACH_ATTEMPTS = 3;

    long pid() {
        return process.pid();
    }

    /**
     * The bytes of live objects on the server's heap, from {@code jcmd GC.class_histogram}, which
     * runs a full collection first.
     */
    long liveHeapBytes() throws IOException, InterruptedException {
        String histogram = "";
        // A server still busy right after a load run may not answer jcmd's attach in time: ask again.
        for (int attempt = 1; attempt <= ATTACH_ATTEMPTS; attempt++) {
            histogram = histogram();
            Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
            if (total.find()) {
                return Long.parseLong(total.group(1));
            }
            Thread.sleep(Duration.ofSeconds(5).toMillis());
        }
        throw new IOException("jcmd printed no histogram total after " + ATTACH_ATTEMPTS + " attempts: "
            + histogram.lines().limit(5).toList());
    }

    /** The server's {@code lines} largest object classes after a full collection: where the heap went. */
    String topOfHeap(int lines) throws IOException, InterruptedException {
        return String.join("\n", histogram().lines().skip(1).limit(lines + 2L).toList());
    }

    private String histogram() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
            Long.toString(process.pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
    }

    private void awaitHealthy(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(base().resolve("/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server stopped while starting; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException("the server did not become healthy within " + limit + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server (as Ctrl-C would) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        String tail = "";
        try {
            List<String> lines = Files.readAllLines(log);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException ignored) {
            // the log is only a courtesy
        }
        if (!tail.isEmpty() && tail.contains("ERROR")) {
            System.out.println("server log ends with errors:\n" + tail);
        }
    }
}
