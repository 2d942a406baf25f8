package io.kioskfleet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API as a script calls it: a fleet admin's API token (made once with the password, so
 * later calls do not pay for a password hash each), JSON in and out.
 */
final class AdminCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RequestConfig PATIENT = RequestConfig.custom().setResponseTimeout(Timeout.ofMinutes(5)).build();

    /** One answer: its status and body. */
    record Answer(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final CloseableHttpClient http;
    private final URI server;
    private final String authorization;

    private AdminCalls(CloseableHttpClient http, URI server, String authorization) {
        this.http = http;
        this.server = server;
        this.authorization = authorization;
    }

    /** Signs in as {@code user} with {@code password} once and makes an API token for the rest. */
    static AdminCalls withNewToken(CloseableHttpClient http, URI server, String user, String password) {
        return new AdminCalls(http, server, newTokenHeader(http, server, user, password));
    }

    /**
     * Signs in as {@code user} with {@code password} once and makes an API token: the
     * {@code Authorization} header that signs later requests in (a password is checked against its
     * bcrypt hash on every request, about 60 ms here by design; a token is not).
     */
    static String newTokenHeader(CloseableHttpClient http, URI server, String user, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Answer token = new AdminCalls(http, server, basic).post("/api/v1/api-tokens",
            "{\"name\":\"benchmark\",\"expiresAt\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(1)) + "\"}");
        if (token.status() != 201) {
            throw new IllegalStateException("no API token: " + token.status() + " " + token.body());
        }
        return "Bearer " + token.json().path("secret").asString();
    }

    Answer get(String path) {
        return send(new HttpGet(server.resolve(path)));
    }

    Answer post(String path, String json) {
        HttpPost post = new HttpPost(server.resolve(path));
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return send(post);
    }

    /** {@code post}, insisting on {@code expected}. */
    JsonNode expect(int expected, String path, String json) {
        Answer answer = post(path, json);
        if (answer.status() != expected) {
            throw new IllegalStateException("POST " + path + ": " + answer.status() + " " + answer.body());
        }
        return answer.json();
    }

    private Answer send(HttpUriRequestBase request) {
        request.setHeader("Authorization", authorization);
        request.setHeader("Accept", "application/json, application/problem+json, text/plain");
        request.setConfig(PATIENT);
        try {
            return http.execute(request, response -> new Answer(response.getCode(), response.getEntity() == null ? ""
                : new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
