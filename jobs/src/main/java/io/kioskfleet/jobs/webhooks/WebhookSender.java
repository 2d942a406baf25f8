package io.kioskfleet.jobs.webhooks;

import io.kioskfleet.core.notifications.WebhookDelivery;
import io.kioskfleet.core.notifications.WebhookEndpoint;
import io.kioskfleet.core.notifications.WebhookFormat;
import io.kioskfleet.protocol.canonical.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs one delivery to its endpoint over a pooled Apache HttpClient 5 with connect and response
 * timeouts, no automatic retries and no redirects (the worker decides about retries).
 */
final class WebhookSender implements AutoCloseable {

    /** The signature header: {@code sha256=<hex HMAC-SHA256 of the body with the endpoint's secret>}. */
    static final String SIGNATURE = "X-KioskFleet-Signature";
    /** The stable delivery id, the same on every retry, for receivers to drop duplicates. */
    static final String DELIVERY = "X-KioskFleet-Delivery";
    /** The event type. */
    static final String EVENT = "X-KioskFleet-Event";

    /** What one attempt gave: a status (0 when there was no answer) and an error when it failed. */
    record Outcome(int status, String error) {
        boolean delivered() {
            return error == null;
        }
    }

    private final CloseableHttpClient client;

    WebhookSender(DeliverySettings settings) {
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout response = Timeout.of(settings.responseTimeout());
        this.client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(20).setMaxConnPerRoute(4)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(response)
                    .build())
                .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response)
                .setConnectionRequestTimeout(connect).build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .setUserAgent("KioskFleet-Webhooks/1")
            .build();
    }

    Outcome send(WebhookEndpoint endpoint, WebhookDelivery delivery) {
        byte[] body = bodyFor(endpoint, delivery).getBytes(StandardCharsets.UTF_8);
        HttpPost post = new HttpPost(endpoint.url());
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        post.setHeader(DELIVERY, delivery.id());
        post.setHeader(EVENT, delivery.eventType());
        if (endpoint.format() == WebhookFormat.GENERIC_JSON && endpoint.secret() != null) {
            post.setHeader(SIGNATURE, "sha256=" + hmac(endpoint.secret(), body));
        }
        try {
            int status = client.execute(post, answer -> {
                EntityUtils.consume(answer.getEntity());
                return answer.getCode();
            });
            return status >= 200 && status < 300 ? new Outcome(status, null) : new Outcome(status, "HTTP " + status);
        } catch (IOException e) {
            return new Outcome(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    static String bodyFor(WebhookEndpoint endpoint, WebhookDelivery delivery) {
        return endpoint.format() == WebhookFormat.CHAT ? CanonicalJson.write(Map.of("text", delivery.summary()))
            : delivery.body();
    }

    /** Hex HMAC-SHA256 of {@code body} with {@code secret}, as receivers recompute it. */
    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
