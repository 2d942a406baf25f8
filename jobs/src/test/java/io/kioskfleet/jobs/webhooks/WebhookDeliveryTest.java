package io.kioskfleet.jobs.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.notifications.DeliveryState;
import io.kioskfleet.core.notifications.Outbox;
import io.kioskfleet.core.notifications.OutboxEvent;
import io.kioskfleet.core.notifications.WebhookDeliveries;
import io.kioskfleet.core.notifications.WebhookDelivery;
import io.kioskfleet.core.notifications.WebhookDraft;
import io.kioskfleet.core.notifications.WebhookEndpoints;
import io.kioskfleet.core.notifications.WebhookFormat;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.core.store.StoreClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook deliveries against a real HTTP receiver (WireMock) that fails on purpose: every event
 * arrives, in order per ticket, signed, with a delivery id that lets the receiver drop repeats.
 */
class WebhookDeliveryTest {

    private static final String SECRET = "a-long-enough-signing-secret";
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern TICKET = Pattern.compile("\"ticket\":\"([^\"]+)\"");
    private static final DeliverySettings FAST = new DeliverySettings(Duration.ZERO, Duration.ofMillis(20),
        Duration.ofMillis(150), 40, Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofMillis(500), 3,
        Duration.ofMillis(300));
    /** For stories that count requests: timeouts long enough that a slow (loaded) machine never causes a retry. */
    private static final DeliverySettings PATIENT = new DeliverySettings(Duration.ZERO, Duration.ofMillis(20),
        Duration.ofMillis(150), 40, Duration.ofSeconds(40), Duration.ofSeconds(10), Duration.ofSeconds(20), 3,
        Duration.ofMillis(300));

    @TempDir
    Path dataDir;
    final Clock clock = StoreClock.system();
    final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    CoreFixture fleet;
    WebhookEndpoints endpoints;
    WebhookDeliveries deliveries;
    Outbox outbox;
    String endpointId;

    @BeforeEach
    void receiverAndOutbox() {
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(ok()));
        fleet = CoreFixture.open(dataDir, clock);
        endpoints = new WebhookEndpoints(fleet.store(), fleet.audit(), true, clock);
        deliveries = new WebhookDeliveries(fleet.store(), fleet.audit(), clock);
        outbox = new Outbox(fleet.store(), endpoints, deliveries, clock);
        endpointId = endpoints.create(ADMIN, new WebhookDraft("help desk", receiver.baseUrl() + "/hook",
            WebhookFormat.GENERIC_JSON, SECRET, List.of(), true)).id();
    }

    @AfterEach
    void stop() {
        receiver.stop();
        fleet.close();
    }

    private WebhookDeliveryWorker worker(DeliverySettings settings) {
        return new WebhookDeliveryWorker(deliveries, endpoints, outbox, settings, new Random(7), clock);
    }

    /** Events 1..n of each ticket, published ticket by ticket interleaved. */
    private List<String> publish(int perTicket, String... tickets) {
        List<String> ids = new ArrayList<>();
        for (int seq = 1; seq <= perTicket; seq++) {
            for (String ticket : tickets) {
                String id = ticket + "/" + seq;
                outbox.publish(new OutboxEvent(id, "ticket.comment", ticket, seq, Instant.now(), "comment " + id,
                    "{\"event\":\"ticket.comment\",\"seq\":" + seq + ",\"ticket\":\"" + ticket + "\"}"));
                ids.add(id + "@" + endpointId);
            }
        }
        return ids;
    }

    private void runUntilQueueEmpty(WebhookDeliveryWorker worker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!deliveries.queued(ADMIN, endpointId).isEmpty()) {
            assertThat(System.nanoTime()).as("deliveries left: " + deliveries.queued(ADMIN, endpointId)).isLessThan(deadline);
            worker.runOnce();
            Thread.sleep(10);
        }
    }

    /** What the receiver accepted (2xx, in arrival order), each delivery id once, as a receiver that drops repeats keeps it. */
    private Map<String, String> acceptedOnce() {
        List<ServeEvent> events = new ArrayList<>(receiver.getAllServeEvents());
        java.util.Collections.reverse(events); // WireMock lists newest first
        Map<String, String> kept = new LinkedHashMap<>();
        for (ServeEvent event : events) {
            if (event.getResponse().getStatus() == 200 && event.getResponseDefinition().getFault() == null) {
                String body = event.getRequest().getBodyAsString();
                String signature = event.getRequest().getHeader("X-KioskFleet-Signature");
                assertThat(signature).isEqualTo("sha256=" + WebhookSender.hmac(SECRET, body.getBytes(StandardCharsets.UTF_8)));
                kept.putIfAbsent(event.getRequest().getHeader("X-KioskFleet-Delivery"), body);
            }
        }
        return kept;
    }

    private void assertEverythingArrivedInOrderPerTicket(List<String> published) {
        Map<String, String> accepted = acceptedOnce();
        assertThat(accepted.keySet()).containsExactlyInAnyOrderElementsOf(published);
        Map<String, Integer> lastSeq = new LinkedHashMap<>();
        for (String body : accepted.values()) {
            Matcher ticket = TICKET.matcher(body);
            Matcher seq = SEQ.matcher(body);
            assertThat(ticket.find() && seq.find()).isTrue();
            int previous = lastSeq.getOrDefault(ticket.group(1), 0);
            assertThat(Integer.parseInt(seq.group(1))).as("order of " + ticket.group(1)).isEqualTo(previous + 1);
            lastSeq.put(ticket.group(1), previous + 1);
        }
    }

    @Test
    void aReceiverThatAnswers500ForAWhileThenRecoversGetsEveryEventInOrder() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(serverError()));
        List<String> published = publish(4, "tkt_a", "tkt_b");
        try (WebhookDeliveryWorker worker = worker(FAST)) {
            for (int round = 0; round < 10; round++) {
                worker.runOnce();
                Thread.sleep(30);
            }
            receiver.stubFor(post(urlEqualTo("/hook")).willReturn(ok()));
            runUntilQueueEmpty(worker);
        }
        assertEverythingArrivedInOrderPerTicket(published);
        assertThat(deliveries.log(ADMIN, endpointId, new PageRequest(0, 500)).items())
            .extracting(entry -> entry.outcome()).contains("FAILED", "DELIVERED");
    }

    @Test
    void connectionResetsAndTimeoutsAreRetriedAndARepeatCarriesTheSameDeliveryId() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("Started")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("slow"));
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("slow")
            .willReturn(ok().withFixedDelay(1_200)).willSetStateTo("fine"));
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("fine").willReturn(ok()));
        List<String> published = publish(3, "tkt_c");

        try (WebhookDeliveryWorker worker = worker(FAST)) {
            runUntilQueueEmpty(worker);
        }

        assertEverythingArrivedInOrderPerTicket(published);
        List<String> errors = deliveries.log(ADMIN, endpointId, new PageRequest(0, 500)).items().stream()
            .filter(entry -> entry.error() != null).map(entry -> entry.error()).toList();
        assertThat(errors).anyMatch(error -> error.contains("Timeout")).anyMatch(error -> !error.contains("Timeout"));
    }

    @Test
    void aSlowButTimelyReceiverGetsEachEventExactlyOnce() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(ok().withFixedDelay(200)));
        List<String> published = publish(3, "tkt_d", "tkt_e");

        try (WebhookDeliveryWorker worker = worker(FAST)) {
            runUntilQueueEmpty(worker);
        }

        assertEverythingArrivedInOrderPerTicket(published);
        assertThat(receiver.getAllServeEvents()).hasSize(published.size());
    }

    @Test
    void anOpenCircuitSendsNothingUntilItsCoolDownIsOver() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(serverError()));
        publish(1, "tkt_f", "tkt_g", "tkt_h", "tkt_i");
        DeliverySettings slowCoolDown = new DeliverySettings(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1), 40,
            Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofMillis(500), 3, Duration.ofMillis(1_500));
        try (WebhookDeliveryWorker worker = worker(slowCoolDown)) {
            worker.runOnce();
            assertThat(worker.circuitOpen(endpointId)).isTrue();
            int sent = receiver.getAllServeEvents().size();
            assertThat(sent).as("the circuit opens after 3 failures in a row").isEqualTo(3);
            Thread.sleep(100);
            worker.runOnce();
            assertThat(receiver.getAllServeEvents()).hasSize(sent);
            Thread.sleep(1_500);
            worker.runOnce();
            assertThat(receiver.getAllServeEvents()).hasSizeGreaterThan(sent);
        }
    }

    @Test
    void aDeadLetterHoldsBackTheTicketsLaterEventsUntilItIsRetriedByHand() throws Exception {
        DeliverySettings twoAttempts = new DeliverySettings(Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(20),
            2, Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofMillis(500), 100, Duration.ofMillis(10));
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(serverError()));
        List<String> published = publish(3, "tkt_j");
        try (WebhookDeliveryWorker worker = worker(twoAttempts)) {
            for (int round = 0; round < 10; round++) {
                worker.runOnce();
                Thread.sleep(30);
            }
            assertThat(deliveries.deadLetters(ADMIN)).extracting(WebhookDelivery::id).containsExactly(published.get(0));
            assertThat(deliveries.queued(ADMIN, endpointId)).extracting(WebhookDelivery::state)
                .containsExactly(DeliveryState.DEAD, DeliveryState.PENDING, DeliveryState.PENDING);

            receiver.stubFor(post(urlEqualTo("/hook")).willReturn(ok()));
            deliveries.retry(ADMIN, published.get(0));
            runUntilQueueEmpty(worker);
        }
        assertEverythingArrivedInOrderPerTicket(published);
    }

    @Test
    void aDeliveryTakenByAWorkerThatDiedIsSentAfterItsLeaseRunsOut() throws Exception {
        List<String> published = publish(1, "tkt_k");
        WebhookDelivery due = deliveries.due().get(0);
        assertThat(deliveries.take(due, Duration.ofMillis(300))).isPresent(); // and then the worker "dies"

        try (WebhookDeliveryWorker worker = worker(FAST)) {
            assertThat(worker.runOnce()).as("leased to the dead worker").isZero();
            Thread.sleep(350);
            runUntilQueueEmpty(worker);
        }
        assertEverythingArrivedInOrderPerTicket(published);
    }

    @Test
    void aChatEndpointGetsTheSummaryAsText() throws Exception {
        receiver.stubFor(post(urlEqualTo("/chat")).willReturn(ok()));
        endpoints.create(ADMIN, new WebhookDraft("chat", receiver.baseUrl() + "/chat", WebhookFormat.CHAT, null,
            List.of("ticket.comment"), true));
        publish(1, "tkt_l");
        try (WebhookDeliveryWorker worker = worker(PATIENT)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!deliveries.due().isEmpty() && System.nanoTime() < deadline) {
                worker.runOnce();
            }
        }
        assertThat(receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/chat"))))
            .singleElement().satisfies(request -> assertThat(request.getBodyAsString())
                .isEqualTo("{\"text\":\"comment tkt_l/1\"}"));
    }
}
