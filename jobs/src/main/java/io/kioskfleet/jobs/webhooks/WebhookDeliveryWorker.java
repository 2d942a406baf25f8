package io.kioskfleet.jobs.webhooks;

import io.kioskfleet.core.background.RepeatingTask;
import io.kioskfleet.core.notifications.Outbox;
import io.kioskfleet.core.notifications.WebhookDeliveries;
import io.kioskfleet.core.notifications.WebhookDelivery;
import io.kioskfleet.core.notifications.WebhookEndpoint;
import io.kioskfleet.core.notifications.WebhookEndpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends queued webhook deliveries: each round fans out what a crash left in the outbox, then
 * sends every due delivery (the head of each endpoint's ticket order) whose endpoint's circuit is
 * closed. A failure is retried after an exponentially growing delay with jitter, until the last
 * attempt makes it a dead letter. Deliveries are taken with a lease, so several instances can run
 * this and a crash mid-delivery only delays it (the receiver may see it twice, with the same id).
 */
public final class WebhookDeliveryWorker implements AutoCloseable {

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final Outbox outbox;
    private final DeliverySettings settings;
    private final WebhookSender sender;
    private final CircuitBreakers breakers;
    private final RandomGenerator random;
    private final Clock clock;
    private final RepeatingTask task;

    public WebhookDeliveryWorker(WebhookDeliveries deliveries, WebhookEndpoints endpoints, Outbox outbox,
                                 DeliverySettings settings, RandomGenerator random, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.settings = settings;
        this.sender = new WebhookSender(settings);
        this.breakers = new CircuitBreakers(settings.breakerThreshold(), settings.breakerCooldown(), clock);
        this.random = random;
        this.clock = clock;
        this.task = new RepeatingTask(settings.every(), "deliver webhooks", this::runOnce);
    }

    /** One round; returns how many deliveries it attempted. */
    public int runOnce() {
        outbox.fanOutLeftovers();
        int attempted = 0;
        for (WebhookDelivery due : deliveries.due()) {
            Optional<WebhookEndpoint> endpoint = endpoints.forDelivery(due.endpointId());
            if (endpoint.isEmpty()) {
                deliveries.drop(due);
                continue;
            }
            if (!endpoint.get().enabled() || !breakers.allows(due.endpointId())) {
                continue;
            }
            Optional<WebhookDelivery> taken = deliveries.take(due, settings.lease());
            if (taken.isPresent()) {
                attempt(endpoint.get(), taken.get());
                attempted++;
            }
        }
        return attempted;
    }

    /** True while {@code endpointId}'s circuit is open (for the console). */
    public boolean circuitOpen(String endpointId) {
        return breakers.open(endpointId);
    }

    private void attempt(WebhookEndpoint endpoint, WebhookDelivery delivery) {
        long started = System.nanoTime();
        WebhookSender.Outcome outcome = sender.send(endpoint, delivery);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome.delivered()) {
            breakers.succeeded(endpoint.id());
            deliveries.delivered(delivery, outcome.status(), millis);
            return;
        }
        breakers.failed(endpoint.id());
        int attempts = delivery.attempts() + 1;
        Instant retryAt = attempts >= settings.maxAttempts() ? null : clock.instant().plus(delayAfter(attempts));
        deliveries.failed(delivery, outcome.status(), outcome.error(), millis, retryAt);
    }

    /** Exponential backoff with jitter: between half and all of first × 2^(attempts−1), capped. */
    Duration delayAfter(int attempts) {
        long first = settings.firstRetry().toMillis();
        long cap = settings.maxRetryDelay().toMillis();
        long full = attempts > 30 ? cap : Math.min(cap, first << (attempts - 1));
        return Duration.ofMillis(full / 2 + (full > 1 ? random.nextLong(full / 2 + 1) : 0));
    }

    @Override
    public void close() {
        task.close();
        sender.close();
    }
}
