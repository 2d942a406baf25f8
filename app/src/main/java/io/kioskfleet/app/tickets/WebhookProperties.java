package io.kioskfleet.app.tickets;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of outbound webhooks ({@code kioskfleet.webhooks.*}).
 *
 * @param allowLoopback    accept endpoint URLs on this machine (only for tests and demos)
 * @param every            how often the worker looks for due deliveries
 * @param firstRetry       the delay before the first retry (doubling, with jitter)
 * @param maxRetryDelay    the longest delay between attempts
 * @param maxAttempts      attempts before a delivery becomes a dead letter
 * @param lease            how long a worker holds a delivery it is sending
 * @param connectTimeout   to connect to a receiver
 * @param responseTimeout  to wait for its answer
 * @param breakerThreshold failures in a row that open an endpoint's circuit
 * @param breakerCooldown  how long an open circuit waits before one trial
 */
@ConfigurationProperties("kioskfleet.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowLoopback, @DefaultValue("2s") Duration every,
                                @DefaultValue("5s") Duration firstRetry, @DefaultValue("30m") Duration maxRetryDelay,
                                @DefaultValue("12") int maxAttempts, @DefaultValue("2m") Duration lease,
                                @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration responseTimeout,
                                @DefaultValue("5") int breakerThreshold, @DefaultValue("1m") Duration breakerCooldown) {
}
