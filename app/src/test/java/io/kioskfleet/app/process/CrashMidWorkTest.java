package io.kioskfleet.app.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.agent.EnrolledLaptop;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The service is killed with SIGKILL in the middle of the three kinds of work a city relies on
 * most — a logout-and-wipe wave, webhook deliveries to the help desk's system, a rush of desk
 * bookings — and restarted on the same data directory: the work is finished, nothing it
 * acknowledged is lost or doubled, and the audit chain still verifies.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CrashMidWorkTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** A restarted instance takes over a run silent for 3 s, looking every second (defaults: 2 min, 30 s). */
    private static final String[] QUICK_TAKE_OVER = {"--kioskfleet.jobs.silence=3s", "--kioskfleet.jobs.check-every=1s"};
    private static final String[] LOOPBACK_WEBHOOKS = {"--kioskfleet.webhooks.allow-loopback=true",
        "--kioskfleet.webhooks.every=200ms", "--kioskfleet.webhooks.lease=6s",
        "--kioskfleet.webhooks.connect-timeout=1s", "--kioskfleet.webhooks.response-timeout=3s"};

    @TempDir
    Path dir;

    private LaunchedService start(String... args) throws InterruptedException {
        return LaunchedService.start(dir.resolve("logs"), LaunchedService.freePort(),
            Map.of("KIOSKFLEET_DATA_DIR", dir.resolve("data").toString()), args).awaitHealthy(PATIENCE);
    }

    private static String branch(ApiClient admin) {
        String hq = admin.post("/api/v1/ous", "{\"name\":\"本庁舎\"}").text("id");
        return admin.post("/api/v1/ous", "{\"name\":\"北部支所\",\"parentId\":\"" + hq
            + "\",\"address\":\"北区1\",\"travelMinutes\":30}").text("id");
    }

    private static void assertAuditChainVerifies(ApiClient admin) {
        JsonNode verification = admin.get("/api/v1/audit/verify").json();
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    private static <T> List<T> inParallel(int threads, List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (var future : pool.invokeAll(work)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aWaveInterruptedByAKillIsCarriedOnWithOneWipePerLaptop() throws Exception {
        int laptops = 100;
        String branch;
        String runId;
        List<String> deviceIds;
        try (LaunchedService service = start(QUICK_TAKE_OVER)) {
            ApiClient admin = service.admin();
            branch = branch(admin);
            List<String> serials = new ArrayList<>();
            for (int i = 0; i < laptops; i++) {
                String serial = String.format("WAVE-%04d", i);
                assertThat(admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + branch + "\"}")
                    .status()).isEqualTo(201);
                serials.add(serial);
            }
            String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + branch + "\",\"maxUses\":" + laptops + "}")
                .text("secret");
            deviceIds = inParallel(4, serials.stream().<Callable<String>>map(serial ->
                () -> new EnrolledLaptop(service.port()).enroll(token, serial).deviceId()).toList());

            // One device per chunk, so the wave is still being queued when the process dies.
            Answer schedule = admin.post("/api/v1/schedules", "{\"name\":\"夕方の一斉消去\",\"kind\":\"LOGOUT_AND_WIPE\","
                + "\"timesOfDay\":[\"03:00\"],\"target\":{\"ouIds\":[\"" + branch + "\"]},\"batchSize\":1,\"enabled\":false}");
            assertThat(schedule.status()).as(schedule.body()).isEqualTo(201);
            Answer fired = admin.post("/api/v1/schedules/" + schedule.text("id") + "/run-now", "");
            assertThat(fired.status()).as(fired.body()).isEqualTo(200);
            runId = fired.text("runId");
            Eventually.holds("the wave under way", Duration.ofSeconds(30),
                () -> admin.get("/api/v1/job-runs/" + runId).json().path("counts").path("queued").asLong() >= 3);
            service.kill();
        }

        try (LaunchedService restarted = start(QUICK_TAKE_OVER)) {
            ApiClient admin = restarted.admin();
            Eventually.holds("the wave completed", Duration.ofSeconds(45),
                () -> admin.get("/api/v1/job-runs/" + runId).json().path("state").asString().equals("COMPLETED"));
            JsonNode run = admin.get("/api/v1/job-runs/" + runId).json();
            assertThat(run.path("resumptions").asInt()).as("the kill interrupted the wave: %s", run).isGreaterThanOrEqualTo(1);
            assertThat(run.path("counts").path("targets").asLong()).isEqualTo(laptops);
            assertThat(run.path("counts").path("queued").asLong()).isEqualTo(laptops);
            for (String device : deviceIds) {
                List<JsonNode> wipes = new ArrayList<>();
                admin.get("/api/v1/commands?device=" + device + "&size=50").json().path("items").forEach(command -> {
                    if (command.path("runId").asString().equals(runId)) {
                        wipes.add(command);
                    }
                });
                assertThat(wipes).as("commands of the wave for %s", device).hasSize(1);
                assertThat(wipes.get(0).path("type").asString()).isEqualTo("WIPE");
            }
            assertAuditChainVerifies(admin);
        }
    }

    @Test
    void webhookDeliveriesInterruptedByAKillAreAllDeliveredEachUnderOneId() throws Exception {
        WireMockServer receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
        // The help desk's system answers slowly, so deliveries are still going out when the process dies.
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(700)));
        try {
            Set<String> tickets = ConcurrentHashMap.newKeySet();
            try (LaunchedService service = start(LOOPBACK_WEBHOOKS)) {
                ApiClient admin = service.admin();
                String branch = branch(admin);
                Answer endpoint = admin.post("/api/v1/webhooks", "{\"name\":\"ヘルプデスク\",\"url\":\"" + receiver.baseUrl()
                    + "/hook\",\"secret\":\"shared-secret-for-the-help-desk\",\"events\":[\"ticket.raised\"]}");
                assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
                // Tickets keep being raised until the kill, so events are waiting for delivery when the process dies.
                AtomicBoolean raising = new AtomicBoolean(true);
                ExecutorService helpDesk = Executors.newFixedThreadPool(4);
                for (int desk = 0; desk < 4; desk++) {
                    String deskName = "desk " + desk;
                    helpDesk.submit(() -> keepRaisingTickets(admin, branch, deskName, raising, tickets));
                }
                Eventually.holds("the first deliveries", Duration.ofSeconds(45),
                    () -> receiver.getAllServeEvents().size() >= 5 && tickets.size() >= 20);
                service.kill();
                raising.set(false);
                helpDesk.shutdown();
                assertThat(helpDesk.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            Set<String> deliveredBeforeRestart = deliveredTickets(receiver);

            try (LaunchedService restarted = start(LOOPBACK_WEBHOOKS)) {
                Eventually.holds("every ticket's event delivered", Duration.ofSeconds(60),
                    () -> deliveredTickets(receiver).containsAll(tickets));
                assertThat(deliveredTickets(receiver)).as("delivered by the restarted service")
                    .hasSizeGreaterThan(deliveredBeforeRestart.size());
                Map<String, List<LoggedRequest>> byDelivery = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                    .collect(Collectors.groupingBy(request -> request.getHeader("X-KioskFleet-Delivery")));
                assertThat(byDelivery.keySet().stream().map(CrashMidWorkTest::ticketOf).toList())
                    .as("one delivery id per ticket's event").doesNotHaveDuplicates();
                byDelivery.forEach((id, attempts) -> assertThat(attempts)
                    .as("a repeated delivery %s is the same event again", id)
                    .extracting(LoggedRequest::getBodyAsString).containsOnly(attempts.get(0).getBodyAsString()));
                assertAuditChainVerifies(restarted.admin());
            }
        } finally {
            receiver.stop();
        }
    }

    /** Raises tickets one after another until {@code raising} is cleared or the service is gone. */
    private static void keepRaisingTickets(ApiClient admin, String branch, String desk, AtomicBoolean raising,
                                           Set<String> raised) {
        for (int i = 0; raising.get(); i++) {
            try {
                Answer ticket = admin.post("/api/v1/tickets", "{\"title\":\"プリンタが動かない (" + desk + ", " + i
                    + ")\",\"ouId\":\"" + branch + "\"}");
                if (ticket.status() == 201) {
                    raised.add(ticket.text("id"));
                }
            } catch (IllegalStateException connectionDropped) {
                return;
            }
        }
    }

    private static Set<String> deliveredTickets(WireMockServer receiver) {
        return receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
            .map(request -> ticketOf(request.getHeader("X-KioskFleet-Delivery")))
            .collect(Collectors.toSet());
    }

    /** The ticket a delivery id is about ({@code <ticket id>/<event>}). */
    private static String ticketOf(String deliveryId) {
        return deliveryId.substring(0, deliveryId.indexOf('/'));
    }

    @Test
    void aBookingRushInterruptedByAKillKeepsEveryConfirmedBookingAndNoDeskTwice() throws Exception {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1);
        Map<String, JsonNode> acknowledged = new ConcurrentHashMap<>();
        try (LaunchedService service = start()) {
            ApiClient admin = service.admin();
            Answer site = admin.post("/api/v1/sites", "{\"ouId\":\"" + branch(admin) + "\",\"name\":\"北部庁舎\"}");
            assertThat(site.status()).as(site.body()).isEqualTo(201);
            String siteId = site.text("id");
            String floorId = admin.post("/api/v1/sites/" + siteId + "/floors", "{\"name\":\"3F\"}").json()
                .path("floors").get(0).path("id").asString();
            List<String> desks = new ArrayList<>();
            for (int d = 0; d < 6; d++) {
                desks.add(admin.post("/api/v1/desks", "{\"siteId\":\"" + siteId + "\",\"floorId\":\"" + floorId
                    + "\",\"name\":\"3F-A-" + d + "\",\"attributes\":[]}").text("id"));
            }
            // A token, not a password: a password check per request would measure the hash, not the booking.
            ApiClient script = ApiClient.withToken(service.port(), admin.post("/api/v1/api-tokens",
                "{\"name\":\"rush\",\"expiresAt\":\"" + Instant.now().plusSeconds(3600) + "\"}").text("secret"));

            AtomicBoolean booking = new AtomicBoolean(true);
            ExecutorService rush = Executors.newFixedThreadPool(6);
            String[] kinds = {"MORNING", "AFTERNOON", "WHOLE_DAY"};
            for (int t = 0; t < 6; t++) {
                Random random = new Random(t);
                int thread = t;
                rush.submit(() -> {
                    for (int i = 0; booking.get(); i++) {
                        String body = "{\"deskId\":\"" + desks.get(random.nextInt(desks.size())) + "\",\"date\":\""
                            + tomorrow.plusDays(random.nextInt(5)) + "\",\"kind\":\"" + kinds[random.nextInt(3)]
                            + "\",\"user\":\"staff" + thread + "x" + i + "\"}";
                        try {
                            Answer booked = script.post("/api/v1/bookings", body);
                            if (booked.status() == 201) {
                                acknowledged.put(booked.text("id"), booked.json());
                            }
                        } catch (IllegalStateException connectionDropped) {
                            return;
                        }
                    }
                });
            }
            Eventually.holds("bookings confirmed", Duration.ofSeconds(30), () -> acknowledged.size() >= 25);
            service.kill();
            booking.set(false);
            rush.shutdown();
            assertThat(rush.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        try (LaunchedService restarted = start()) {
            ApiClient admin = restarted.admin();
            acknowledged.forEach((id, confirmed) -> {
                Answer stored = admin.get("/api/v1/bookings/" + id);
                assertThat(stored.status()).as("acknowledged booking %s", id).isEqualTo(200);
                assertThat(stored.text("state")).isEqualTo("CONFIRMED");
                assertThat(stored.text("deskId")).isEqualTo(confirmed.path("deskId").asString());
            });
            Map<String, List<JsonNode>> byDeskAndDay = new HashMap<>();
            admin.get("/api/v1/bookings?from=" + tomorrow + "&to=" + tomorrow.plusDays(5)).json().forEach(stored -> {
                if (stored.path("state").asString().equals("CONFIRMED")) {
                    byDeskAndDay.computeIfAbsent(stored.path("deskId").asString() + "/" + stored.path("date").asString(),
                        key -> new ArrayList<>()).add(stored);
                }
            });
            assertThat(byDeskAndDay.values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(acknowledged.size());
            byDeskAndDay.forEach((deskAndDay, bookings) -> {
                for (int a = 0; a < bookings.size(); a++) {
                    for (int b = a + 1; b < bookings.size(); b++) {
                        JsonNode one = bookings.get(a);
                        JsonNode other = bookings.get(b);
                        assertThat(one.path("fromHour").asInt() < other.path("toHour").asInt()
                            && other.path("fromHour").asInt() < one.path("toHour").asInt())
                            .as("%s booked twice: %s and %s", deskAndDay, one, other).isFalse();
                    }
                }
            });
            assertAuditChainVerifies(admin);
        }
    }
}
