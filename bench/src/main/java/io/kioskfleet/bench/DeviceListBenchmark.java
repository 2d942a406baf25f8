package io.kioskfleet.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Pages of the device list at fleet size: seeds a fleet into a fresh embedded store, starts the
 * app's boot jar on it with a 512 MB heap, waits until the list is served from the in-memory
 * directory (the server logs when it is loaded), then asks for pages of the console list ({@code /devices}) and of the API
 * ({@code /api/v1/devices}) under several filters, one request at a time, and prints each
 * filter's p50/p99 and the server's live heap. Times are measured at the client on the same
 * machine (one request at a time over a kept connection), so they include the loopback round
 * trip and are an upper bound of the server's time. The target is under 300 ms.
 *
 * <p>Run: {@code bench/run DeviceListBenchmark [devices=100000] [requests per filter=40]} from the
 * repository root (it starts {@code app/target/kioskfleet.jar}, which {@code bench/run} builds).
 */
public final class DeviceListBenchmark {

    private static final double TARGET_MILLIS = 300;
    private static final String PASSWORD = "bench-admin-password";
    private static final Pattern DIRECTORY_LOADED = Pattern.compile("Device list: \\d+ devices in memory after \\d+ ms");
    private static final Pattern FIRST_BRANCH = Pattern.compile("\"id\":\"(ou_[^\"]+)\",\"name\":\"Branch 0\"");

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path jar = Path.of(System.getProperty("kioskfleet.jar", "app/target/kioskfleet.jar"));
        Path dataDir = Files.createTempDirectory("kioskfleet-list-bench-");
        System.out.printf("java %s, %d cores; %d devices, %d requests per filter; data in %s%n", Runtime.version(),
            Runtime.getRuntime().availableProcessors(), devices, requests, dataDir);
        long seedStart = System.nanoTime();
        SeededFleet.seed(dataDir, devices, 0);
        System.out.printf("seeded in %.1f s%n", (System.nanoTime() - seedStart) / 1e9);

        try (ServerProcess server = ServerProcess.start(jar, dataDir, List.of("-Xmx512m"),
                 List.of("--kioskfleet.admin-password=" + PASSWORD, "--logging.level.root=WARN",
                     "--logging.level.io.kioskfleet.app.devices=INFO"));
             CloseableHttpClient http = HttpClients.createDefault()) {
            Pages pages = new Pages(http, server.base());
            double first = pages.millis("/api/v1/devices?lastSeen=NEVER");
            System.out.printf("first page before the directory is loaded (from the store): %.0f ms%n", first);
            System.out.println(awaitDirectory(server));
            Matcher branch = FIRST_BRANCH.matcher(pages.body("/api/v1/ous"));
            String branchId = branch.find() ? branch.group(1) : "";
            // From here on an API token signs the requests in: HTTP Basic checks the bcrypt hash of the
            // password on every request (about 60 ms here by design), which is sign-in cost, not the page's.
            pages.useToken();

            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("everything, first page", "");
            filters.put("everything, page 1000", "page=1000");
            filters.put("one branch (1/20)", "ou=" + branchId);
            filters.put("status ENROLLED", "status=ENROLLED");
            filters.put("tag shared", "tag=shared");
            filters.put("text, 10 matches", "q=bench-00012");
            filters.put("text, no match", "q=nothing-like-this");
            filters.put("never checked in", "lastSeen=NEVER");
            filters.put("online now (none)", "lastSeen=ONLINE");
            filters.put("branch + status + text", "ou=" + branchId + "&status=ENROLLED&q=bench-0001");
            for (int round = 0; round < 2; round++) {
                for (String query : filters.values()) {
                    pages.millis("/devices?" + query);
                    pages.millis("/api/v1/devices?" + query);
                }
            }
            System.out.printf("%-26s %20s %20s%n", "filter", "console p50 / p99", "API p50 / p99");
            double worst = 0;
            for (Map.Entry<String, String> filter : filters.entrySet()) {
                double[] console = pages.timed("/devices?" + filter.getValue(), requests);
                double[] api = pages.timed("/api/v1/devices?" + filter.getValue(), requests);
                worst = Math.max(worst, Math.max(percentile(console, 99), percentile(api, 99)));
                System.out.printf("%-26s %9.1f / %6.1f ms %9.1f / %6.1f ms%n", filter.getKey(), percentile(console, 50),
                    percentile(console, 99), percentile(api, 50), percentile(api, 99));
            }
            System.out.printf("server live heap after full GC with %d devices: %.0f MB%n", devices,
                server.liveHeapBytes() / 1048576.0);
            System.out.println("largest on the server's heap:\n" + server.topOfHeap(8));
            System.out.printf("target: every p99 < %.0f ms: %s (worst %.1f ms)%n", TARGET_MILLIS,
                worst < TARGET_MILLIS ? "met" : "NOT met", worst);
        }
    }

    /** Waits for the server's log line saying the directory is loaded, and returns it. */
    private static String awaitDirectory(ServerProcess server) throws Exception {
        for (int attempt = 0; attempt < 1200; attempt++) {
            Matcher loaded = DIRECTORY_LOADED.matcher(server.output());
            if (loaded.find()) {
                return loaded.group();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the device directory did not load within 5 minutes");
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)];
    }

    /** Signed-in GETs against the running server (HTTP Basic, then an API token), timed. */
    private static final class Pages {

        private final CloseableHttpClient http;
        private final URI base;
        private String authorization = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        Pages(CloseableHttpClient http, URI base) {
            this.http = http;
            this.base = base;
        }

        /** Signs every later request in with an API token of the admin's (made with the password once). */
        void useToken() {
            authorization = AdminCalls.newTokenHeader(http, base, "admin", PASSWORD);
        }

        String body(String path) throws Exception {
            HttpGet get = new HttpGet(base.resolve(path));
            get.addHeader("Authorization", authorization);
            return http.execute(get, response -> {
                String text = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (response.getCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.getCode() + ": "
                        + text.substring(0, Math.min(200, text.length())));
                }
                return text;
            });
        }

        double millis(String path) throws Exception {
            long start = System.nanoTime();
            body(path);
            return (System.nanoTime() - start) / 1e6;
        }

        /** {@code times} requests of {@code path}, their times in milliseconds, sorted. */
        double[] timed(String path, int times) throws Exception {
            double[] millis = new double[times];
            for (int i = 0; i < times; i++) {
                millis[i] = millis(path);
            }
            Arrays.sort(millis);
            return millis;
        }
    }
}
