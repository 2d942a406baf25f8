package io.kioskfleet.app.tickets;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook endpoints over real HTTP, and a ticket's changes arriving, signed and in order, at a receiver. */
class WebhookApiTest extends RunningServiceTest {

    private static final String SECRET = "shared-secret-for-the-help-desk";

    final WireMockServer receiver = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void startReceiver() {
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(ok()));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void urlsAreCheckedAndTheSecretIsNeverShownAgain() {
        Answer withPassword = admin.post("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"https://user:pw@hooks.example.jp/x\","
            + "\"secret\":\"" + SECRET + "\"}");
        assertThat(withPassword.status()).isEqualTo(400);
        assertThat(withPassword.body()).contains("\"url\"").contains("password");
        Answer ftp = admin.post("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"ftp://hooks.example.jp/x\",\"secret\":\""
            + SECRET + "\"}");
        assertThat(ftp.status()).isEqualTo(400);

        Answer created = admin.post("/api/v1/webhooks", "{\"name\":\"ヘルプデスク\",\"url\":\"https://hooks.example.jp/x\","
            + "\"secret\":\"" + SECRET + "\",\"events\":[\"ticket.raised\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(SECRET).contains("\"secretSet\":true");
        assertThat(admin.get("/api/v1/webhooks/" + created.text("id")).body()).doesNotContain(SECRET);
        assertThat(admin.get("/api/v1/audit").body()).doesNotContain(SECRET);
        admin.delete("/api/v1/webhooks/" + created.text("id") + "?version=1");
    }

    @Test
    void aTicketsChangesReachTheReceiverSignedAndInOrder() throws Exception {
        Answer endpoint = admin.post("/api/v1/webhooks", "{\"name\":\"receiver\",\"url\":\"" + receiver.baseUrl()
            + "/hook\",\"secret\":\"" + SECRET + "\"}");
        assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
        String id = admin.post("/api/v1/tickets", "{\"title\":\"プリンタが動かない\",\"ouId\":\"" + newBranch(30) + "\"}")
            .text("id");
        admin.post("/api/v1/tickets/" + id + "/claim", "");
        admin.post("/api/v1/tickets/" + id + "/comments", "{\"text\":\"確認中\"}");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<LoggedRequest> received;
        do {
            Thread.sleep(200);
            received = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                .filter(request -> request.getBodyAsString().contains(id)).toList();
        } while (received.size() < 3 && System.nanoTime() < deadline);

        assertThat(received).extracting(request -> request.getHeader("X-KioskFleet-Event"))
            .containsExactly("ticket.raised", "ticket.claimed", "ticket.comment");
        for (LoggedRequest request : received) {
            assertThat(request.getHeader("X-KioskFleet-Signature")).isEqualTo("sha256=" + hmac(request.getBodyAsString()));
            assertThat(request.getHeader("X-KioskFleet-Delivery")).startsWith(id + "/");
        }
        admin.delete("/api/v1/webhooks/" + endpoint.text("id") + "?version=1");
    }
}
