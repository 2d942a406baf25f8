package io.kioskfleet.bench;

import io.kioskfleet.protocol.signing.DeviceHeaders;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import io.kioskfleet.protocol.signing.RequestSignature;
import io.kioskfleet.protocol.signing.SignedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Signed check-ins per second against the real server, next to an unsigned baseline of the same
 * server: seeds a fleet into a fresh embedded store, starts the app's boot jar on it as its own
 * JVM with a 512 MB heap, enrolls a few devices through {@code /agent/v1/enroll}, then drives
 * check-ins of random enrolled devices (signed as the agent signs, mostly answered 304) from a
 * pooled HttpClient for a fixed time after a warm-up, then the same load on {@code GET
 * /agent/v1/time}, and asks the server for its live heap after a full collection.
 *
 * <p>Run: {@code bench/run CheckInBenchmark [devices=100000] [seconds=60] [warm-up seconds=15]
 * [connections=32]}, from the repository root (it starts {@code app/target/kioskfleet.jar}, which
 * {@code bench/run} builds; {@code -Dkioskfleet.jar=…} names another). More options for the server's
 * JVM go in {@code -Dbench.server-options="…"}, e.g. {@code -XX:StartFlightRecording=filename=/tmp/s.jfr}
 * to profile it, or, several at once, in the environment variable {@code BENCH_SERVER_OPTS}.
 */
public final class CheckInBenchmark {

    private static final double TARGET_PER_SECOND = 3_000;
    private static final double TARGET_P99_MILLIS = 50;
    private static final long TARGET_HEAP_BYTES = 512L << 20;
    private static final String CHECK_IN = "/agent/v1/check-in";
    private static final int ENROLLING_CLIENTS = 4;

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        double warmUp = args.length > 2 ? Double.parseDouble(args[2]) : 15;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        // Few: on the embedded store each enrollment's versioned device write scans the devices collection.
        int viaEndpoint = Math.min(20, Math.max(1, devices / 100));
        Path jar = Path.of(System.getProperty("kioskfleet.jar", "app/target/kioskfleet.jar"));
        Path dataDir = Files.createTempDirectory("kioskfleet-checkin-bench-");
        System.out.printf("java %s, %d cores; %d devices (%d seeded enrolled, %d enrolled over HTTP), %d connections, "
                + "%.0f s after %.0f s warm-up; data in %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
            devices, devices - viaEndpoint, viaEndpoint, connections, seconds, warmUp, dataDir);

        long seedStart = System.nanoTime();
        SeededFleet fleet = SeededFleet.seed(dataDir, devices - viaEndpoint, viaEndpoint);
        System.out.printf("seeded in %.1f s%n", (System.nanoTime() - seedStart) / 1e9);

        // The default rate limit (30 a minute per device) is kept: at 100,000 devices a device is
        // asked about twice a minute. A small fleet driven as hard would be refused, so it gets room.
        int perMinute = Math.max(30, (int) (4 * TARGET_PER_SECOND * 60 / devices));
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
        String more = (System.getProperty("bench.server-options", "") + " "
            + System.getenv().getOrDefault("BENCH_SERVER_OPTS", "")).strip();
        if (!more.isEmpty()) {
            jvmOptions.addAll(List.of(more.split("\\s+")));
        }
        try (ServerProcess server = ServerProcess.start(jar, dataDir, jvmOptions,
                 List.of("--kioskfleet.admin-password=bench-admin-password",
                     "--kioskfleet.agent.rate-limit-per-minute=" + perMinute,
                     "--logging.level.root=WARN"));
             CloseableHttpClient http = pooledClient(connections)) {
            System.out.printf("server pid %d at %s (%s), rate limit %d a minute per device%n", server.pid(),
                server.base(), String.join(" ", jvmOptions), perMinute);
            List<String> ids = new ArrayList<>(fleet.enrolledIds());
            List<DeviceKeyPair> keys = new ArrayList<>(fleet.enrolledKeys());
            enrollOverHttp(http, server.base(), fleet, ids, keys);

            CheckInLoad checkIns = new CheckInLoad(server.base(), ids, keys);
            LoadRun load = new LoadRun(http, connections);
            Instant warmUpEnd = Instant.now();
            load.run(checkIns::next, checkIns::accept, warmUp);
            load.run(random -> new HttpGet(server.base().resolve("/agent/v1/time")), response -> response.getCode() == 200,
                Math.min(5, warmUp));
            System.out.printf("warmed up (%s)%n", warmUpEnd);

            checkIns.startCounting();
            CpuShare cpu = new CpuShare(server.pid());
            LoadRun.Result signed = load.run(checkIns::next, checkIns::accept, seconds);
            String signedCpu = cpu.perRequestSince(signed);
            long notModified = checkIns.notModified();
            long answered = checkIns.answered();
            LoadRun.Result paced = load.run(checkIns::next, checkIns::accept, seconds, TARGET_PER_SECOND);
            String pacedCpu = cpu.perRequestSince(paced);
            LoadRun.Result baseline = load.run(random -> new HttpGet(server.base().resolve("/agent/v1/time")),
                response -> response.getCode() == 200, seconds);
            String baselineCpu = cpu.perRequestSince(baseline);
            print("signed check-ins", signed);
            System.out.printf("  of which 304: %d of %d answered (%.1f %%)%n", notModified, answered,
                100.0 * notModified / Math.max(1, answered));
            System.out.println("  " + signedCpu);
            print(String.format("signed check-ins paced at %.0f/s", TARGET_PER_SECOND), paced);
            System.out.println("  " + pacedCpu);
            print("baseline GET /agent/v1/time", baseline);
            System.out.println("  " + baselineCpu);
            System.out.printf("ratio check-ins/baseline: %.2f (throughput), p99 %.1f ms vs %.1f ms%n",
                signed.perSecond() / baseline.perSecond(), signed.percentileMillis(99), baseline.percentileMillis(99));
            long heap = server.liveHeapBytes();
            System.out.printf("server live heap after full GC with %d enrolled devices: %.0f MB%n", ids.size(),
                heap / 1048576.0);
            System.out.println("largest on the server's heap:\n" + server.topOfHeap(8));
            System.out.printf("targets: >= %.0f check-ins/s %s, p99 < %.0f ms at %.0f/s %s, heap < %d MB %s%n",
                TARGET_PER_SECOND, verdict(signed.perSecond() >= TARGET_PER_SECOND),
                TARGET_P99_MILLIS, TARGET_PER_SECOND, verdict(paced.perSecond() >= 0.98 * TARGET_PER_SECOND
                    && paced.percentileMillis(99) < TARGET_P99_MILLIS),
                TARGET_HEAP_BYTES >> 20, verdict(heap < TARGET_HEAP_BYTES));
        }
    }

    /**
     * The CPU time the server and this load generator (both JVMs, their collectors included) used
     * for each request of a run: on two shared cores, what one side spends the other cannot.
     */
    private static final class CpuShare {

        private final long serverPid;
        private final long ownPid = ProcessHandle.current().pid();
        private long server;
        private long own;

        CpuShare(long serverPid) {
            this.serverPid = serverPid;
            this.server = CpuTime.of(serverPid);
            this.own = CpuTime.of(ownPid);
        }

        /** The CPU a request of {@code run} cost each side since the last call (or since this was made). */
        String perRequestSince(LoadRun.Result run) {
            long serverNow = CpuTime.of(serverPid);
            long ownNow = CpuTime.of(ownPid);
            double microsPerTick = 1e6 / CpuTime.TICKS_PER_SECOND / Math.max(1, run.requests());
            String line = String.format("CPU a request: server %.0f µs, load generator %.0f µs (cores busy: %.2f of %d)",
                (serverNow - server) * microsPerTick, (ownNow - own) * microsPerTick,
                (serverNow - server + ownNow - own) / (double) CpuTime.TICKS_PER_SECOND / run.seconds(),
                Runtime.getRuntime().availableProcessors());
            server = serverNow;
            own = ownNow;
            return line;
        }
    }

    private static String verdict(boolean met) {
        return met ? "(met)" : "(NOT met)";
    }

    private static void print(String what, LoadRun.Result result) {
        System.out.printf("%s: %.0f/s, p50 %.2f ms, p99 %.2f ms, errors %d of %d%s%n", what, result.perSecond(),
            result.percentileMillis(50), result.percentileMillis(99), result.errors(), result.requests(),
            result.firstError() == null ? "" : " (first: " + result.firstError() + ")");
    }

    private static CloseableHttpClient pooledClient(int connections) {
        return HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofSeconds(10)).setSocketTimeout(Timeout.ofSeconds(30)).build())
                .setMaxConnTotal(connections).setMaxConnPerRoute(connections).build())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();
    }

    /** Enrolls the pre-registered devices through the real endpoint, a few at a time, and adds them to the fleet. */
    private static void enrollOverHttp(CloseableHttpClient http, URI server, SeededFleet fleet, List<String> ids,
                                       List<DeviceKeyPair> keys) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ENROLLING_CLIENTS);
        long start = System.nanoTime();
        List<Future<String>> enrolled = new ArrayList<>();
        for (int i = 0; i < fleet.serialsToEnroll().size(); i++) {
            String body = String.format("{\"token\":\"%s\",\"serial\":\"%s\",\"publicKey\":\"%s\",\"agentVersion\":\"bench\"}",
                fleet.tokenSecret(), fleet.serialsToEnroll().get(i), fleet.keysToEnroll().get(i).publicKeyText());
            enrolled.add(pool.submit(() -> {
                HttpPost post = new HttpPost(server.resolve("/agent/v1/enroll"));
                // Slow at fleet scale (see viaEndpoint), and queued behind the server's start-up work.
                post.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMinutes(5)).build());
                post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
                return http.execute(post, response -> {
                    String text = new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
                    if (response.getCode() != 200) {
                        throw new IllegalStateException("enrollment refused: " + response.getCode() + " " + text);
                    }
                    return text.replaceAll(".*\"deviceId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                });
            }));
        }
        for (int i = 0; i < enrolled.size(); i++) {
            ids.add(enrolled.get(i).get());
            keys.add(fleet.keysToEnroll().get(i));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("enrolled %d devices through POST /agent/v1/enroll (%d clients) in %.1f s: %.1f/s%n",
            enrolled.size(), ENROLLING_CLIENTS, took, enrolled.size() / took);
    }

    /**
     * Check-ins of random devices, each signed as the agent signs, holding the policy ETag the
     * server last named (so after the first answers they are 304).
     */
    private static final class CheckInLoad {

        private final URI uri;
        private final List<String> ids;
        private final List<DeviceKeyPair> keys;
        private final AtomicReference<String> currentEtag = new AtomicReference<>();
        private final LongAdder notModified = new LongAdder();
        private final LongAdder answered = new LongAdder();

        CheckInLoad(URI server, List<String> ids, List<DeviceKeyPair> keys) {
            this.uri = server.resolve(CHECK_IN);
            this.ids = ids;
            this.keys = keys;
        }

        ClassicHttpRequest next(int random) {
            int device = random % ids.size();
            String etag = currentEtag.get();
            byte[] body = ("{\"activity\":\"IDLE\",\"inventory\":{\"model\":\"ThinBook 14\",\"osVersion\":\"KioskOS 3.2\","
                + "\"agentVersion\":\"0.1.0\",\"freeDiskBytes\":120000000000,\"batteryPercent\":87,"
                + "\"ipAddress\":\"192.168.10.23\",\"currentDesk\":\"3F-A-12\"},\"policyEtag\":"
                + (etag == null ? "null" : "\"" + etag + "\"") + "}").getBytes(StandardCharsets.UTF_8);
            HttpPost post = new HttpPost(uri);
            SignedRequest signed = SignedRequest.of("POST", CHECK_IN, Instant.now(), body);
            post.setHeader(DeviceHeaders.DEVICE, ids.get(device));
            post.setHeader(DeviceHeaders.TIMESTAMP, signed.timestamp());
            post.setHeader(DeviceHeaders.NONCE, signed.nonce());
            post.setHeader(DeviceHeaders.SIGNATURE, RequestSignature.sign(keys.get(device), signed));
            post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            return post;
        }

        boolean accept(ClassicHttpResponse response) {
            answered.increment();
            Header etag = response.getFirstHeader("ETag");
            if (etag != null) {
                currentEtag.set(etag.getValue().replace("\"", ""));
            }
            if (response.getCode() == 304) {
                notModified.increment();
                return true;
            }
            return response.getCode() == 200;
        }

        void startCounting() {
            notModified.reset();
            answered.reset();
        }

        long notModified() {
            return notModified.sum();
        }

        long answered() {
            return answered.sum();
        }
    }
}
