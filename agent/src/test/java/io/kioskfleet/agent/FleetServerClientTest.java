package io.kioskfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.signing.DeviceHeaders;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a tiny stand-in server that answers what each test tells it. */
class FleetServerClientTest {

    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

    private HttpServer server;
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final List<String> nonces = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile String okBody = "{}";
    private FleetServerClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int call = calls.getAndIncrement();
            nonces.add(String.valueOf(exchange.getRequestHeaders().getFirst(DeviceHeaders.NONCE)));
            int status = call < statuses.size() ? statuses.get(call) : 200;
            byte[] body = (status == 200 ? okBody : "{\"type\":\"urn:kioskfleet:problem:x\",\"reason\":\"token-expired\","
                + "\"detail\":\"expired\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = new FleetServerClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), QUICK,
            Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void aCheckInThatMeetsServerErrorsIsRetriedAndSignedAfreshEachTime() {
        statuses.addAll(List.of(503, 500));
        okBody = "{\"state\":\"ENROLLED\",\"notModified\":false,\"policy\":null,\"policyEtag\":\"e\","
            + "\"serverTime\":\"2026-11-23T01:02:03Z\",\"nextCheckInSeconds\":300,\"addedLater\":true}";

        CheckInAnswer answer = client.checkIn("dev_x", DeviceKeyPair.generate(),
            new CheckInRequest(DeviceActivity.IDLE, null, null));

        assertThat(answer.nextCheckInSeconds()).isEqualTo(300);
        assertThat(calls).hasValue(3);
        assertThat(nonces).doesNotHaveDuplicates();
    }

    @Test
    void aServerThatKeepsFailingIsReportedUnreachableAfterTheLastAttempt() {
        statuses.addAll(List.of(502, 502, 502, 502));
        assertThatThrownBy(() -> client.enroll(new EnrollmentRequest("t", "s", "k", null)))
            .isInstanceOf(ServerUnreachable.class).hasMessageContaining("502");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aRefusalIsNotRetriedAndCarriesTheServersReason() {
        statuses.add(403);
        assertThatThrownBy(() -> client.enroll(new EnrollmentRequest("t", "s", "k", null)))
            .isInstanceOfSatisfying(ServerRefusal.class, refusal -> {
                assertThat(refusal.status()).isEqualTo(403);
                assertThat(refusal.reason()).isEqualTo("token-expired");
            });
        assertThat(calls).hasValue(1);
    }

    @Test
    void noServerAtAllIsUnreachable() {
        server.stop(0);
        assertThatThrownBy(() -> client.enroll(new EnrollmentRequest("t", "s", "k", null)))
            .isInstanceOf(ServerUnreachable.class).hasMessageContaining("no answer");
    }

    @Test
    void backoffGrowsAndStaysWithinTheLimit() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300));
        assertThat(policy.backoffAfter(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(policy.backoffAfter(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(policy.backoffAfter(9)).isBetween(Duration.ofMillis(150), Duration.ofMillis(300));
    }
}
