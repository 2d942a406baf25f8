package io.kioskfleet.core.notifications;

import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint as shown: everything but the secret, of which only whether one is set.
 *
 * @param id        {@code whk_…}
 * @param name      shown name
 * @param url       where events go
 * @param format    how they are sent
 * @param secretSet true when a signing secret is saved
 * @param events    the event types it wants; empty: all
 * @param enabled   false when sending is stopped
 * @param createdAt when it was made
 * @param version   its version, for changes
 */
public record WebhookEndpointView(String id, String name, String url, WebhookFormat format, boolean secretSet,
                                  List<String> events, boolean enabled, Instant createdAt, long version) {

    static WebhookEndpointView of(WebhookEndpoint endpoint) {
        return new WebhookEndpointView(endpoint.id(), endpoint.name(), endpoint.url(), endpoint.format(),
            endpoint.secret() != null, endpoint.events(), endpoint.enabled(), endpoint.createdAt(), endpoint.version());
    }
}
