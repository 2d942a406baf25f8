package io.kioskfleet.core.notifications;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.compliance.ComplianceException;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.core.store.StoreClock;
import io.kioskfleet.protocol.sessions.SessionState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compliance exception the sweep records reaches the webhooks once, however often it is found. */
class ComplianceNoticesTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;

    WebhookEndpoints endpoints;
    WebhookDeliveries deliveries;
    Outbox outbox;
    ComplianceExceptions exceptions;

    /** The outbox wired as the application wires it, with compliance exceptions published to it. */
    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir);
        Clock clock = StoreClock.system();
        endpoints = new WebhookEndpoints(fleet.store(), fleet.audit(), false, clock);
        deliveries = new WebhookDeliveries(fleet.store(), fleet.audit(), clock);
        outbox = new Outbox(fleet.store(), endpoints, deliveries, clock);
        exceptions = new ComplianceExceptions(fleet.store());
        new IndexBootstrap(fleet.store()).createAll(List.of(endpoints, deliveries, outbox, exceptions));
        exceptions.whenRaised(new ComplianceNotices(outbox));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void anUnprovenWipeFoundTwiceIsOneComplianceEventForAnEndpointThatAsksForIt() {
        WebhookEndpointView auditors = endpoints.create(ADMIN, new WebhookDraft("監査チャット",
            "https://hooks.example.jp/audit", WebhookFormat.CHAT, null, List.of(Outbox.COMPLIANCE_EXCEPTION), true));
        ComplianceException unproven = new ComplianceException("ses_1", "dev_1", "ou_1", SessionState.UNVERIFIED,
            Instant.parse("2026-11-23T08:00:00Z"), Instant.parse("2026-11-23T10:00:00Z"), "run_1");

        exceptions.record(List.of(unproven));
        exceptions.record(List.of(unproven));

        assertThat(deliveries.due()).singleElement().satisfies(delivery -> {
            assertThat(delivery.endpointId()).isEqualTo(auditors.id());
            assertThat(delivery.eventType()).isEqualTo(Outbox.COMPLIANCE_EXCEPTION);
            assertThat(delivery.summary()).contains("ses_1", "dev_1");
        });
    }

    @Test
    void aSweepBatchIsOneEventPerSessionForEachEndpointThatAsksAndLeavesNothingInTheOutbox() {
        WebhookEndpointView auditors = endpoints.create(ADMIN, new WebhookDraft("監査チャット",
            "https://hooks.example.jp/audit", WebhookFormat.CHAT, null, List.of(Outbox.COMPLIANCE_EXCEPTION), true));
        endpoints.create(ADMIN, new WebhookDraft("チケット連携", "https://hooks.example.jp/tickets", WebhookFormat.CHAT, null,
            List.of("ticket.raised"), true));
        Instant ended = Instant.parse("2026-11-23T08:00:00Z");
        Instant found = Instant.parse("2026-11-23T10:00:00Z");
        ComplianceException first = new ComplianceException("ses_1", "dev_1", "ou_1", SessionState.UNVERIFIED, ended, found,
            "run_1");
        exceptions.record(List.of(first));

        exceptions.record(List.of(first,
            new ComplianceException("ses_2", "dev_1", "ou_1", SessionState.UNVERIFIED, ended, found, "run_2"),
            new ComplianceException("ses_3", "dev_2", "ou_1", SessionState.STARTED, null, found, "run_2")));

        assertThat(deliveries.due()).extracting(WebhookDelivery::endpointId).containsOnly(auditors.id());
        assertThat(deliveries.due()).extracting(WebhookDelivery::summary)
            .containsExactlyInAnyOrder("[KioskFleet] No verified wipe for session ses_1 on dev_1",
                "[KioskFleet] No verified wipe for session ses_2 on dev_1",
                "[KioskFleet] No verified wipe for session ses_3 on dev_2");
        assertThat(outbox.fanOutLeftovers()).isZero();
    }
}
