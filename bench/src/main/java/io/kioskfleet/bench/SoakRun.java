package io.kioskfleet.bench;

import io.kioskfleet.agent.DeviceAgent;
import io.kioskfleet.agent.EnrolledIdentity;
import io.kioskfleet.agent.FleetServerClient;
import io.kioskfleet.agent.FleetSimulator;
import io.kioskfleet.agent.SessionPacing;
import io.kioskfleet.agent.SimulationPlan;
import io.kioskfleet.agent.SimulationSummary;
import io.kioskfleet.agent.StateDirectory;
import io.kioskfleet.protocol.commands.CommandState;
import io.kioskfleet.protocol.faults.FaultCategory;
import io.kioskfleet.protocol.sessions.SessionState;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import tools.jackson.databind.JsonNode;

/**
 * A soak run: the real server on a fresh embedded store, a simulated fleet (the agent's
 * {@link FleetSimulator}: every laptop enrolls, checks in every minute, holds guest sessions and
 * wipes after each, and carries out the commands it is sent), a {@code LOGOUT_AND_WIPE} wave over
 * the whole fleet every few minutes (a schedule made through the API), desk bookings and fault
 * reports, for a bounded time; then what the server served and whether anything was lost.
 *
 * <p>Run: {@code bench/soak [--devices 20000] [--minutes 10] [--wave-every 3]} from the
 * repository root ({@code bench/soak} builds the app's boot jar and calls this class).
 */
public final class SoakRun {

    private static final String PASSWORD = "soak-admin-password";
    private static final int FAULT_REPORTERS = 5;
    /** Guest sessions of 2–4 minutes with 1–3 minutes between them, so several end and are wiped per run. */
    private static final SessionPacing PACING = new SessionPacing(Duration.ofMinutes(1), Duration.ofMinutes(3),
        Duration.ofMinutes(2), Duration.ofMinutes(4));

    private SoakRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int devices = Integer.parseInt(options.getOrDefault("devices", "20000"));
        int minutes = Integer.parseInt(options.getOrDefault("minutes", "10"));
        int waveEvery = Integer.parseInt(options.getOrDefault("wave-every", "3"));
        Path jar = Path.of(System.getProperty("kioskfleet.jar", "app/target/kioskfleet.jar"));
        Path dataDir = Files.createTempDirectory("kioskfleet-soak-");
        System.out.printf("%s; soak: %,d devices checking in every 60 s, %d minutes, a LOGOUT_AND_WIPE wave every %d minutes; "
            + "data in %s%n", BenchJobs.machine(), devices, minutes, waveEvery, dataDir);

        // The fleet is enrolled before the run, each laptop's key in its own state directory: enrolling
        // 20,000 laptops one by one through the endpoint would take most of the run, and is not what is soaked.
        Path simulated = dataDir.resolve("simulated");
        List<String> serials = IntStream.range(0, devices).mapToObj(SeededFleet::serialOf).toList();
        List<DeviceKeyPair> keys = new ArrayList<>(serials.parallelStream()
            .map(serial -> new StateDirectory(FleetSimulator.stateDirOf(simulated, serial)).keys()).toList());
        IntStream.range(0, FAULT_REPORTERS).forEach(i -> keys.add(DeviceKeyPair.generate()));
        SeededFleet fleet = SeededFleet.seed(dataDir, keys, devices);
        try (ServerProcess server = ServerProcess.start(jar, dataDir, List.of("-Xmx1g"), List.of(
                 "--kioskfleet.admin-password=" + PASSWORD,
                 "--kioskfleet.agent.check-in-interval=60s", "--kioskfleet.agent.check-in-spread=10s",
                 "--management.metrics.distribution.percentiles-histogram.http.server.requests=true",
                 "--logging.level.root=WARN"));
             CloseableHttpClient http = HttpClients.custom().setConnectionManager(
                 PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(16).setMaxConnPerRoute(16).build())
                 .disableAutomaticRetries().build()) {
            URI base = server.base();
            AdminCalls admin = AdminCalls.withNewToken(http, base, "admin", PASSWORD);
            String branch = admin.get("/api/v1/ous").json().get(1).path("id").asString();
            admin.expect(201, "/api/v1/schedules", "{\"name\":\"soak wave\",\"kind\":\"LOGOUT_AND_WIPE\",\"cron\":\"0 0/"
                + waveEvery + " * * * ?\",\"spreadMinutes\":1}");
            List<String> desks = desks(admin, branch);
            List<DeviceAgent> reporters = reporters(base, fleet.tokenSecret(), fleet.serialsToEnroll(),
                dataDir.resolve("reporters"));
            Instant enrolledAt = Instant.now();
            IntStream.range(0, devices).parallel().forEach(i -> new StateDirectory(FleetSimulator.stateDirOf(simulated,
                serials.get(i))).saveIdentity(new EnrolledIdentity(base.toString(), fleet.enrolledIds().get(i),
                fleet.branchIds().get(i % fleet.branchIds().size()), serials.get(i), enrolledAt)));

            long cpuBefore = CpuTime.of(server.pid());
            Instant start = Instant.now();
            SimulationPlan plan = new SimulationPlan(base, fleet.tokenSecret(), serials, simulated, Duration.ofSeconds(60),
                PACING);
            Map<String, AtomicInteger> sideAnswers = new ConcurrentHashMap<>();
            double[] heapPeak = {0};
            ScheduledExecutorService side = Executors.newScheduledThreadPool(3);
            try (FleetSimulator simulator = new FleetSimulator(plan, "soak", new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()))) {
                simulator.start();
                Random random = new Random(11);
                LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
                side.scheduleWithFixedDelay(() -> tally(sideAnswers, "booking", () -> admin.post("/api/v1/bookings",
                    "{\"deskId\":\"" + desks.get(random.nextInt(desks.size())) + "\",\"date\":\""
                        + today.plusDays(1 + random.nextInt(10)) + "\",\"kind\":\""
                        + List.of("MORNING", "AFTERNOON", "WHOLE_DAY").get(random.nextInt(3)) + "\",\"user\":\"staff"
                        + random.nextInt(100_000) + "\"}").status()), 1, 500, TimeUnit.MILLISECONDS);
                AtomicInteger nextReporter = new AtomicInteger();
                side.scheduleWithFixedDelay(() -> tally(sideAnswers, "fault report", () -> {
                    reporters.get(nextReporter.getAndIncrement() % reporters.size())
                        .reportFault(FaultCategory.NETWORK, "Wi-Fi drops at the counter", "wlan0: link down");
                    return 201;
                }), 2, 2, TimeUnit.SECONDS);
                side.scheduleWithFixedDelay(() -> tally(sideAnswers, "console reads", () -> Math.max(
                    admin.get("/api/v1/devices?size=50").status(), admin.get("/api/v1/job-runs?size=20").status())),
                    3, 5, TimeUnit.SECONDS);

                Instant end = start.plus(Duration.ofMinutes(minutes));
                while (Instant.now().isBefore(end)) {
                    Thread.sleep(Math.min(30_000, Math.max(1, Duration.between(Instant.now(), end).toMillis())));
                    ServerMetrics now = ServerMetrics.parse(admin.get("/actuator/prometheus").body());
                    heapPeak[0] = Math.max(heapPeak[0], now.heapUsedBytes());
                    System.out.printf("  %4.0f s: %s; heap in use %.0f MB%n",
                        Duration.between(start, Instant.now()).toMillis() / 1000.0, simulator.summary().line(),
                        now.heapUsedBytes() / 1048576);
                }
                side.shutdown();
                side.awaitTermination(1, TimeUnit.MINUTES);
                report(simulator.summary(), sideAnswers);
            }
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            double cpuSeconds = (CpuTime.of(server.pid()) - cpuBefore) / (double) CpuTime.TICKS_PER_SECOND;
            // The sessions ended by the simulator's stop and the last wipes' answers settle first.
            Thread.sleep(10_000);
            ServerMetrics metrics = ServerMetrics.parse(admin.get("/actuator/prometheus").body());
            report(metrics, seconds);
            System.out.printf("server CPU: %.0f s over %.0f s (%.2f cores of %d on average); heap in use at most %.0f MB "
                    + "(-Xmx1g), live after a full collection %.0f MB%n", cpuSeconds, seconds, cpuSeconds / seconds,
                Runtime.getRuntime().availableProcessors(), heapPeak[0] / 1048576, server.liveHeapBytes() / 1048576.0);
            reportSessions(admin);
            reportCommands(admin);
            long auditStart = System.nanoTime();
            JsonNode audit = admin.get("/api/v1/audit/verify").json();
            System.out.printf("audit chain: %s, %,d events checked in %.1f s%n",
                audit.path("intact").asBoolean() ? "verifies" : "BROKEN " + audit, audit.path("eventsChecked").asLong(),
                (System.nanoTime() - auditStart) / 1e9);
        }
    }

    private interface Call {
        int status() throws Exception;
    }

    private static void tally(Map<String, AtomicInteger> answers, String what, Call call) {
        String key;
        try {
            key = what + " " + call.status();
        } catch (Exception e) {
            key = what + " failed (" + e.getClass().getSimpleName() + ")";
        }
        answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** A site with 20 desks on one floor at {@code ouId}. */
    private static List<String> desks(AdminCalls admin, String ouId) {
        String site = admin.expect(201, "/api/v1/sites", "{\"ouId\":\"" + ouId + "\",\"name\":\"Soak office\"}")
            .path("id").asString();
        String floor = admin.expect(201, "/api/v1/sites/" + site + "/floors", "{\"name\":\"3F\"}")
            .path("floors").get(0).path("id").asString();
        List<String> desks = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            desks.add(admin.expect(201, "/api/v1/desks", "{\"siteId\":\"" + site + "\",\"floorId\":\"" + floor
                + "\",\"name\":\"3F-" + d + "\",\"attributes\":[]}").path("id").asString());
        }
        return desks;
    }

    /** A few laptops, apart from the simulated fleet, that report faults now and then. */
    private static List<DeviceAgent> reporters(URI server, String token, List<String> serials, Path dir) {
        List<DeviceAgent> agents = new ArrayList<>();
        for (String serial : serials) {
            DeviceAgent agent = new DeviceAgent(new StateDirectory(dir.resolve(serial)), FleetServerClient::to, "soak");
            agent.enroll(server, token, serial);
            agents.add(agent);
        }
        return agents;
    }

    private static void report(SimulationSummary fleet, Map<String, AtomicInteger> sideAnswers) {
        System.out.println("fleet: " + fleet.line());
        System.out.println("other traffic (answers by status): " + new TreeMap<>(sideAnswers));
    }

    private static void report(ServerMetrics metrics, double seconds) {
        // The run's own probes (health while starting answers 503, the metrics page) are not the fleet's traffic.
        List<ServerMetrics.Endpoint> endpoints = metrics.endpoints().stream()
            .filter(endpoint -> !endpoint.name().contains(" /actuator/")).toList();
        long requests = endpoints.stream().mapToLong(ServerMetrics.Endpoint::requests).sum();
        long failed = endpoints.stream().mapToLong(ServerMetrics.Endpoint::failed).sum();
        long refused = endpoints.stream().mapToLong(ServerMetrics.Endpoint::refused).sum();
        System.out.printf("requests served: %,d in %.0f s (%.0f/s); 5xx: %,d (%.3f %%); 4xx: %,d (%.2f %%)%n", requests,
            seconds, requests / seconds, failed, 100.0 * failed / Math.max(1, requests), refused,
            100.0 * refused / Math.max(1, requests));
        System.out.printf("  %-52s %10s %7s %7s %9s %9s%n", "endpoint", "requests", "4xx", "5xx", "p50 ms<=", "p99 ms<=");
        for (ServerMetrics.Endpoint endpoint : endpoints) {
            System.out.printf("  %-52s %,10d %7d %7d %9.1f %9.1f%n", endpoint.name(), endpoint.requests(), endpoint.refused(),
                endpoint.failed(), endpoint.p50Millis(), endpoint.p99Millis());
        }
    }

    private static long total(AdminCalls admin, String path) {
        return admin.get(path + (path.contains("?") ? "&" : "?") + "size=1").json().path("total").asLong();
    }

    private static void reportSessions(AdminCalls admin) {
        Map<SessionState, Long> byState = new TreeMap<>();
        for (SessionState state : SessionState.values()) {
            byState.put(state, total(admin, "/api/v1/sessions?state=" + state));
        }
        long ended = byState.entrySet().stream().filter(entry -> entry.getKey() != SessionState.STARTED)
            .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("sessions: %,d ended, %,d wipes verified, %,d ended without proof yet (the run stopped mid-wipe), "
                + "%,d wipes failed; by state %s%n", ended, byState.get(SessionState.VERIFIED), byState.get(SessionState.ENDED),
            byState.get(SessionState.WIPE_FAILED), byState);
    }

    /**
     * Commands lost: the targets of completed waves that were never queued, and queued commands
     * no longer stored in any state. Those still waiting belong to devices that had not checked
     * in since their spread time came (or never check in, like the fault reporters).
     */
    private static void reportCommands(AdminCalls admin) {
        long targets = 0;
        long queued = 0;
        long neverQueued = 0;
        int runs = 0;
        for (JsonNode run : admin.get("/api/v1/job-runs?kind=LOGOUT_AND_WIPE&size=100").json().path("items")) {
            runs++;
            targets += run.path("counts").path("targets").asLong();
            queued += run.path("counts").path("queued").asLong();
            if (run.path("state").asString().equals("COMPLETED")) {
                neverQueued += run.path("counts").path("targets").asLong() - run.path("counts").path("queued").asLong();
            }
            System.out.printf("  wave %s at %s: %s, %s%n", run.path("id").asString(), run.path("plannedTime").asString(),
                run.path("state").asString(), run.path("counts"));
        }
        Map<CommandState, Long> byState = new TreeMap<>();
        for (CommandState state : CommandState.values()) {
            byState.put(state, total(admin, "/api/v1/commands?state=" + state));
        }
        long stored = byState.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("commands: %d waves, %,d targets, %,d queued, %,d stored by state %s; commands lost: %,d%n",
            runs, targets, queued, stored, byState, neverQueued + Math.max(0, queued - stored));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: bench/soak [--devices 20000] [--minutes 10] [--wave-every 3]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
