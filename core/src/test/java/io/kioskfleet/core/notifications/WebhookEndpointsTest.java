package io.kioskfleet.core.notifications;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.store.StoreClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook endpoint URLs are checked, and the secret stays write-only. */
class WebhookEndpointsTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    WebhookEndpoints endpoints;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir);
        endpoints = new WebhookEndpoints(fleet.store(), fleet.audit(), false, StoreClock.system());
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void urlsOnThisMachineWithCredentialsOrOtherSchemesAreRefused() {
        assertThat(endpoints.urlProblem("http://localhost:8080/x")).contains("this machine");
        assertThat(endpoints.urlProblem("http://127.0.0.1/x")).contains("this machine");
        assertThat(endpoints.urlProblem("http://[::1]/x")).contains("this machine");
        assertThat(endpoints.urlProblem("https://alice:secret@hooks.example.jp/x")).contains("password");
        assertThat(endpoints.urlProblem("ftp://hooks.example.jp/x")).contains("http");
        assertThat(endpoints.urlProblem("https:///nohost")).isNotNull();
        assertThat(endpoints.urlProblem("https://hooks.example.jp/services/T000/B000")).isNull();
        assertThat(new WebhookEndpoints(fleet.store(), fleet.audit(), true, StoreClock.system())
            .urlProblem("http://localhost:8080/x")).isNull();
    }

    @Test
    void aSignedEndpointNeedsASecretThatIsNeverShownAndKeptOnAChangeWithoutOne() {
        assertThatThrownBy(() -> endpoints.create(ADMIN, new WebhookDraft("x", "https://hooks.example.jp/x",
            WebhookFormat.GENERIC_JSON, null, List.of(), true)))
            .isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(error -> error.path()).containsExactly("secret"));

        WebhookEndpointView saved = endpoints.create(ADMIN, new WebhookDraft("x", "https://hooks.example.jp/x",
            WebhookFormat.GENERIC_JSON, "sixteen-chars-secret", List.of("ticket.raised"), true));
        WebhookEndpointView changed = endpoints.change(ADMIN, saved.id(), new WebhookDraft("y",
            "https://hooks.example.jp/y", WebhookFormat.GENERIC_JSON, null, List.of(), true), saved.version());

        assertThat(changed.secretSet()).isTrue();
        assertThat(endpoints.forDelivery(saved.id()).orElseThrow().secret()).isEqualTo("sixteen-chars-secret");
    }
}
