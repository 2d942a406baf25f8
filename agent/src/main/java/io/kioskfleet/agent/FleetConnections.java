package io.kioskfleet.agent;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * A pooled Apache HttpClient with connect and answer timeouts and no retries of its own (the
 * {@link FleetServerClient} retries, signing each attempt afresh): one per agent, or one shared by
 * every virtual device of a {@link FleetSimulator}.
 */
public final class FleetConnections implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final CloseableHttpClient http;

    private FleetConnections(CloseableHttpClient http) {
        this.http = http;
    }

    /** A pool of at most {@code maxConnections} connections, all of which may go to the one server. */
    public static FleetConnections pooled(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("a pool needs at least one connection");
        }
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                .setSocketTimeout(Timeout.of(ANSWER_TIMEOUT))
                .build())
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .build();
        return new FleetConnections(HttpClients.custom()
            .setConnectionManager(pool)
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(ANSWER_TIMEOUT)).build())
            .disableAutomaticRetries() // retried by FleetServerClient, re-signed each time
            .disableCookieManagement()
            .evictIdleConnections(Timeout.of(1, TimeUnit.MINUTES))
            .build());
    }

    CloseableHttpClient http() {
        return http;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
