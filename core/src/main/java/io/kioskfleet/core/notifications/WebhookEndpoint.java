package io.kioskfleet.core.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A receiver of outbound events, as stored. The secret is kept to sign deliveries and is never
 * shown again after saving (see {@link WebhookEndpointView}).
 *
 * @param id        {@code whk_…}
 * @param name      shown name
 * @param url       where events are POSTed (http or https, no credentials in it)
 * @param format    generic signed JSON or chat text
 * @param secret    the HMAC key for GENERIC_JSON, or null
 * @param events    the event types it wants ({@code ticket.raised}, …); empty: all
 * @param enabled   false to stop sending (queued deliveries wait)
 * @param createdAt when it was made
 * @param updatedAt when it last changed
 * @param version   optimistic concurrency version
 */
public record WebhookEndpoint(@BsonId String id, String name, String url, WebhookFormat format, String secret,
                              List<String> events, boolean enabled, Instant createdAt, Instant updatedAt, long version) {

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** True when it wants events of {@code type}. */
    public boolean wants(String type) {
        return enabled && (events.isEmpty() || events.contains(type));
    }
}
