package io.kioskfleet.app.web;

import static com.mongodb.client.model.Filters.gt;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.protocol.signing.DeviceHeaders;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import io.kioskfleet.protocol.signing.RequestSignature;
import io.kioskfleet.protocol.signing.SignedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile callers against every endpoint the running service maps (the list comes from its own
 * request mappings, so a new endpoint is covered without being named here): nobody gets in
 * without signing in, a branch admin reaches nothing of another branch, and a seeded fuzz run of
 * malformed, oversized and hostile requests gets no 5xx, no stack trace and changes nothing.
 * Sign-in throttling is shown in {@code SecurityBaselineTest} (per user) and
 * {@code process.SignInSprayTest} (per address).
 */
class AbuseTest extends RunningServiceTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]*}");
    /** What may be asked without signing in, and why. */
    private static final Set<String> PUBLIC = Set.of(
        "GET /login", "POST /login", // the sign-in form
        "GET /error", "POST /error", "PUT /error", "DELETE /error", "PATCH /error", // where refusals are rendered
        "GET /agent/v1/time", // devices set their clocks before they can sign
        "POST /agent/v1/enroll"); // vouched for by an enrollment token, checked below
    /** Stored data a hostile request may change without changing anything a person relies on. */
    private static final Set<String> MECHANICS = Set.of("device_presence", "change_notices", "change_notice_counter",
        "scheduler_lease", "job_runs", "schedule_fire_marks", "webhook_deliveries", "audit_events", "audit_head",
        "audit_intents");
    /** Signs of a stack trace or of the classes behind an answer. */
    private static final Pattern LEAK = Pattern.compile("\\tat |Exception\\b|java\\.lang|org\\.springframework|tools\\.jackson"
        + "|com\\.mongodb|de\\.bwaldvogel|io\\.kioskfleet\\.");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @LocalServerPort
    int serverPort;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One method and path pattern the service maps. */
    private record Endpoint(String method, String pattern) {

        String path(String variableValue) {
            return PATH_VARIABLE.matcher(pattern.replace("/**", "/x")).replaceAll(variableValue);
        }

        boolean hasVariables() {
            return PATH_VARIABLE.matcher(pattern).find();
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private List<Endpoint> endpoints() {
        Set<String> seen = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    seen.add(method.name() + " " + pattern);
                }
            }
        });
        return seen.stream().map(line -> new Endpoint(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1)))
            .toList();
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * How many documents each collection holds, apart from the {@link #MECHANICS}, the used nonces
     * ({@code device_nonces_*} and the write-behind's {@code device_nonce_batches_*}: a signed
     * request's nonce is spent even when its body is refused) and empty collections (a read of a
     * date's desk claims opens that date's collection; it holds nothing).
     */
    private Map<String, Long> storedCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : store.database().listCollectionNames()) {
            if (!MECHANICS.contains(name) && !name.startsWith("device_nonce")) {
                long documents = store.database().getCollection(name).countDocuments();
                if (documents > 0) {
                    counts.put(name, documents);
                }
            }
        }
        return counts;
    }

    /** The audit chain's last position (events are numbered from one without gaps here: nothing crashed). */
    private long auditPosition() {
        return store.database().getCollection("audit_events").countDocuments();
    }

    /** The audit events appended after {@code position}, but for the scheduler's background work and exports. */
    private List<String> auditedSince(long position) {
        List<String> events = new ArrayList<>();
        store.database().getCollection("audit_events").find(gt("seq", position)).forEach(event -> {
            String actor = String.valueOf(event.get("actor"));
            // Exports note themselves in the chain by design (issue 10): a record of reading, not a change.
            if (!actor.startsWith("schedule:") && !actor.equals("system")
                && !String.valueOf(event.get("action")).endsWith(".export")) {
                events.add(actor + " " + event.get("action") + " " + event.get("targetId"));
            }
        });
        return events;
    }

    @Test
    void everyEndpointRefusesCallersWhoAreNotSignedIn() {
        List<String> admitted = new ArrayList<>();
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the service's mappings").hasSizeGreaterThan(100);
        for (Endpoint endpoint : endpoints) {
            if (PUBLIC.contains(endpoint.toString())) {
                continue;
            }
            HttpResponse<String> answer = send(endpoint.method(), endpoint.path("x1"),
                Map.of("Content-Type", "application/json"), endpoint.method().equals("GET") ? null : "{}".getBytes());
            boolean toSignIn = answer.statusCode() == 302
                && answer.headers().firstValue("Location").orElse("").endsWith("/login");
            if (!(answer.statusCode() == 401 || answer.statusCode() == 403 || toSignIn)) {
                admitted.add(endpoint + " -> " + answer.statusCode());
            }
        }
        for (String actuator : List.of("/actuator/prometheus", "/actuator/info", "/actuator/health/readiness")) {
            int status = send("GET", actuator, Map.of(), null).statusCode();
            if (status != 401 && !(actuator.endsWith("readiness") && status == 200)) {
                admitted.add("GET " + actuator + " -> " + status);
            }
        }
        Answer forged = anonymous.post("/agent/v1/enroll", "{\"token\":\"ent_forged\",\"serial\":\"X\",\"publicKey\":\""
            + DeviceKeyPair.generate().publicKeyText() + "\",\"agentVersion\":\"1\"}");
        assertThat(forged.status()).as(forged.body()).isBetween(400, 404);
        assertThat(admitted).as("answered without sign-in").isEmpty();
    }

    @Test
    void aBranchAdminReachesNothingOfAnotherBranchThroughAnyEndpoint() {
        String own = newBranch(30);
        String other = newBranch(60);
        ApiClient branchAdmin = branchAdminOf(own);
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1);
        Map<String, String> theirs = new TreeMap<>();
        theirs.put("devices", admin.post("/api/v1/devices", "{\"serial\":\"" + unique("X") + "\",\"ouId\":\"" + other + "\"}")
            .text("id"));
        theirs.put("tickets", admin.post("/api/v1/tickets", "{\"title\":\"" + unique("t") + "\",\"ouId\":\"" + other + "\"}")
            .text("id"));
        theirs.put("sites", admin.post("/api/v1/sites", "{\"ouId\":\"" + other + "\",\"name\":\"" + unique("庁舎") + "\"}")
            .text("id"));
        String floor = admin.post("/api/v1/sites/" + theirs.get("sites") + "/floors", "{\"name\":\"1F\"}").json()
            .path("floors").get(0).path("id").asString();
        theirs.put("desks", admin.post("/api/v1/desks", "{\"siteId\":\"" + theirs.get("sites") + "\",\"floorId\":\"" + floor
            + "\",\"name\":\"" + unique("1F") + "\",\"attributes\":[]}").text("id"));
        theirs.put("bookings", admin.post("/api/v1/bookings", "{\"deskId\":\"" + theirs.get("desks") + "\",\"date\":\""
            + tomorrow + "\",\"kind\":\"MORNING\",\"user\":\"" + unique("u").toLowerCase() + "\"}").text("id"));
        theirs.put("schedules", admin.post("/api/v1/schedules", "{\"name\":\"" + unique("w") + "\",\"kind\":\"LOGOUT_WAVE\","
            + "\"timesOfDay\":[\"18:00\"],\"target\":{\"ouIds\":[\"" + other + "\"]},\"enabled\":false}").text("id"));
        theirs.put("enrollment-tokens", admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + other + "\",\"maxUses\":1}")
            .json().path("token").path("id").asString());
        theirs.values().forEach(id -> assertThat(id).as("made in the other branch: %s", theirs).isNotBlank());
        // Units, sites and desks are readable by everyone signed in (staff pick them when booking).
        Set<String> readableByAll = Set.of("ous", "sites", "desks");
        theirs.put("ous", other);
        Set<String> secretIds = new TreeSet<>(theirs.values());
        secretIds.removeAll(List.of(other, theirs.get("sites"), theirs.get("desks")));

        // A token, not the password: a password hash per request would make the sweep slow, not harder.
        String token = branchAdmin.post("/api/v1/api-tokens", "{\"name\":\"" + unique("sweep") + "\",\"expiresAt\":\""
            + Instant.now().plusSeconds(3600) + "\"}").text("secret");
        Map<String, Long> before = storedCounts();
        long position = auditPosition();
        List<String> reached = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.pattern().equals("/error")) {
                continue;
            }
            boolean api = endpoint.pattern().startsWith("/api/") || endpoint.pattern().startsWith("/agent/");
            String[] segments = endpoint.pattern().split("/");
            String kind = endpoint.pattern().startsWith("/api/v1/") ? segments[3] : segments.length > 1 ? segments[1] : "";
            String id = theirs.getOrDefault(kind, "x1");
            String path = endpoint.hasVariables()
                ? endpoint.path("__ID__").replaceFirst("__ID__", id).replace("__ID__", floor) : endpoint.pattern();
            HttpResponse<String> answer = send(endpoint.method(), path, Map.of("Authorization", "Bearer " + token,
                "Content-Type", "application/json", "Accept", "application/json, application/problem+json"),
                endpoint.method().equals("GET") ? null : "{}".getBytes());
            int status = answer.statusCode();
            boolean get = endpoint.method().equals("GET");
            if (status >= 500) {
                reached.add(endpoint + " -> " + status);
            } else if (api && !get && status < 400) {
                // Console forms answer a refusal with the page again (200) or a redirect; what they changed is checked below.
                reached.add(endpoint + " changed something -> " + status);
            } else if (get && endpoint.hasVariables() && theirs.containsKey(kind) && !readableByAll.contains(kind)
                && status != 403 && status != 404) {
                reached.add(endpoint + " showed " + kind + " " + id + " -> " + status);
            } else if (get && status == 200 && secretIds.stream().anyMatch(answer.body()::contains)) {
                reached.add(endpoint + " listed something of the other branch");
            }
        }
        assertThat(reached).as("another branch's things reached by its neighbour's admin").isEmpty();
        assertThat(storedCounts()).isEqualTo(before);
        assertThat(auditedSince(position)).isEmpty();
    }

    @Test
    void aSeededFuzzRunGetsNoServerErrorNoStackTraceAndChangesNothing() {
        List<Endpoint> endpoints = endpoints().stream()
            .filter(endpoint -> endpoint.pattern().startsWith("/api/v1/") || endpoint.pattern().startsWith("/agent/v1/"))
            .toList();
        List<Fuzzed> devices = enrolledDevices(4);
        // A token, not the password: a password hash per request would make the run slow, not harder.
        String token = admin.post("/api/v1/api-tokens", "{\"name\":\"" + unique("fuzz") + "\",\"expiresAt\":\""
            + Instant.now().plusSeconds(3600) + "\"}").text("secret");
        Map<String, Long> before = storedCounts();
        long position = auditPosition();
        Random random = new Random(20261123);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 3000; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String path = endpoint.path(HOSTILE_IDS.get(random.nextInt(HOSTILE_IDS.size())))
                + (random.nextBoolean() ? "" : "?" + HOSTILE_QUERIES.get(random.nextInt(HOSTILE_QUERIES.size())));
            byte[] body = endpoint.method().equals("GET") || endpoint.method().equals("DELETE") ? null
                : hostileBody(random, endpoint.pattern().startsWith("/agent/") ? 70_000 : 2_200_000);
            Map<String, String> headers = new TreeMap<>(endpoint.pattern().startsWith("/agent/")
                ? devices.get(random.nextInt(devices.size())).signed(endpoint.method(), path, body, random)
                : Map.of("Authorization", "Bearer " + token, "Accept", "application/json, application/problem+json"));
            headers.putAll(HOSTILE_HEADERS.get(random.nextInt(HOSTILE_HEADERS.size())));
            HttpResponse<String> answer;
            try {
                answer = send(endpoint.method(), path, headers, body);
            } catch (IllegalStateException refusedToSend) {
                // the server closed the connection on an oversized request: a refusal, not a failure
                continue;
            }
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() >= 500 || LEAK.matcher(answer.body()).find()) {
                failures.add(endpoint + " as " + path.substring(0, Math.min(120, path.length())) + " -> "
                    + answer.statusCode() + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
        }
        assertThat(failures).as("answers by status: %s", statuses).isEmpty();
        assertThat(storedCounts()).isEqualTo(before);
        assertThat(auditedSince(position)).isEmpty();
    }

    private static final List<String> HOSTILE_IDS = List.of("x1", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f",
        "%00", "dev_%27%20OR%201%3D1%20--", "%7B%22%24gt%22%3A%22%22%7D", "%24where", "%F0%9F%92%A5",
        "%EF%BC%A1%EF%BC%A2", "%E2%80%AE", "%C3%28", "a".repeat(5000), "-1", "99999999999999999999", "null");
    private static final List<String> HOSTILE_QUERIES = List.of("page=-1&size=999999999", "size=abc", "from=not-a-date",
        "state=DROP%20TABLE", "ou=..%2F..&ou=%00", "page=1e309", "q=" + "%E6%BC%A2".repeat(3000), "sort=%24natural",
        "date=2026-02-30", "count=-5", "limit=2147483648", "device=%7B%22%24ne%22%3Anull%7D");
    private static final List<Map<String, String>> HOSTILE_HEADERS = List.of(
        Map.of("Content-Type", "application/json"),
        Map.of("Content-Type", "application/json; charset=utf-7"),
        Map.of("Content-Type", "text/plain"),
        Map.of("Content-Type", "application/xml", "Accept", "application/xml"),
        Map.of("Content-Type", "multipart/form-data; boundary="),
        Map.of("Content-Type", "application/json", "Accept", "text/html"),
        Map.of("Content-Type", "application/json", "X-Forwarded-For", "127.0.0.1, <script>alert(1)</script>"),
        Map.of("Content-Type", "application/json", "X-Long", "x".repeat(20_000)),
        Map.of("Content-Type", "application/json", "Accept-Language", "ja;q=abc, *;q=-1, " + "zz-".repeat(500)),
        Map.of("Content-Type", "application/json", "X-HTTP-Method-Override", "DELETE"));

    private static byte[] hostileBody(Random random, int oversized) {
        String text = switch (random.nextInt(14)) {
            case 0 -> "{";
            case 1 -> "{\"name\":";
            case 2 -> "[1,2";
            case 3 -> "nul";
            case 4 -> "[]";
            case 5 -> "42";
            case 6 -> "\"just a string\"";
            case 7 -> "{\"\\u0000\uD835\uDD4F\uFEFF\":\"\u202E\u0301\u0301\"}";
            case 8 -> "{\"$set\":{\"roles\":[\"FLEET_ADMIN\"]}}";
            case 9 -> "[".repeat(20_000) + "]".repeat(20_000);
            case 10 -> "{\"unknownField\":\"" + "界".repeat(10_000) + "\"}";
            case 11 -> "{\"name\":\"" + "x".repeat(oversized) + "\"}";
            case 12 -> "{\"name\":{\"nested\":" + "1".repeat(400) + "}, \"name\":true, \"__proto__\":{}}";
            default -> null;
        };
        if (text == null) {
            return new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '{'};
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A device enrolled for the fuzz run, whose requests are signed (or signed wrongly) as the agent signs. */
    private record Fuzzed(String deviceId, DeviceKeyPair keys) {

        Map<String, String> signed(String method, String pathAndQuery, byte[] body, Random random) {
            String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
            SignedRequest request = SignedRequest.of(method, path, Instant.now(), body == null ? new byte[0] : body);
            String signature = random.nextInt(4) == 0 ? "AAAA" : RequestSignature.sign(keys, request);
            return Map.of(DeviceHeaders.DEVICE, deviceId, DeviceHeaders.TIMESTAMP, request.timestamp(),
                DeviceHeaders.NONCE, request.nonce(), DeviceHeaders.SIGNATURE, signature);
        }
    }

    private List<Fuzzed> enrolledDevices(int count) {
        String branch = newBranch(10);
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\",\"maxUses\":" + count + "}")
            .text("secret");
        List<Fuzzed> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String serial = unique("FUZZ");
            admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}");
            DeviceKeyPair keys = DeviceKeyPair.generate();
            Answer enrolled = anonymous.post("/agent/v1/enroll", "{\"token\":\"" + token + "\",\"serial\":\"" + serial
                + "\",\"publicKey\":\"" + keys.publicKeyText() + "\",\"agentVersion\":\"fuzz\"}");
            assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
            devices.add(new Fuzzed(enrolled.text("deviceId"), keys));
        }
        return devices;
    }
}
