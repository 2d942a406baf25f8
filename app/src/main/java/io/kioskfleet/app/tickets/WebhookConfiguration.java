package io.kioskfleet.app.tickets;

import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.notifications.Outbox;
import io.kioskfleet.core.notifications.WebhookDeliveries;
import io.kioskfleet.core.notifications.WebhookEndpoints;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.tickets.TicketEvents;
import io.kioskfleet.core.tickets.TicketNotifications;
import io.kioskfleet.jobs.webhooks.DeliverySettings;
import io.kioskfleet.jobs.webhooks.WebhookDeliveryWorker;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires outbound webhooks: endpoints, the outbox that ticket changes write to, and the delivery worker. */
@Configuration
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    @Bean
    WebhookEndpoints webhookEndpoints(FleetStore store, AuditChain audit, WebhookProperties properties, Clock clock) {
        return new WebhookEndpoints(store, audit, properties.allowLoopback(), clock);
    }

    @Bean
    WebhookDeliveries webhookDeliveries(FleetStore store, AuditChain audit, Clock clock) {
        return new WebhookDeliveries(store, audit, clock);
    }

    @Bean
    Outbox outbox(FleetStore store, WebhookEndpoints endpoints, WebhookDeliveries deliveries, Clock clock) {
        return new Outbox(store, endpoints, deliveries, clock);
    }

    /** Every ticket change goes to the outbox. */
    @Bean
    TicketEvents ticketEvents(Outbox outbox) {
        return new TicketNotifications(outbox);
    }

    @Bean(destroyMethod = "close")
    WebhookDeliveryWorker webhookDeliveryWorker(WebhookDeliveries deliveries, WebhookEndpoints endpoints, Outbox outbox,
                                                WebhookProperties p, Clock clock) {
        DeliverySettings settings = new DeliverySettings(p.every(), p.firstRetry(), p.maxRetryDelay(), p.maxAttempts(),
            p.lease(), p.connectTimeout(), p.responseTimeout(), p.breakerThreshold(), p.breakerCooldown());
        return new WebhookDeliveryWorker(deliveries, endpoints, outbox, settings, new SecureRandom(), clock);
    }
}
