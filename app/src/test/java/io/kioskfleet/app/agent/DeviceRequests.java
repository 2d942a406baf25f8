package io.kioskfleet.app.agent;

import io.kioskfleet.protocol.signing.DeviceHeaders;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import io.kioskfleet.protocol.signing.RequestSignature;
import io.kioskfleet.protocol.signing.SignedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hand-made device requests, for what the real agent never sends: forged, replayed, stale,
 * oversized and malformed requests.
 */
final class DeviceRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    DeviceRequests(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The headers of {@code request} signed by {@code keys} for {@code deviceId}. */
    static Map<String, String> signedHeaders(String deviceId, DeviceKeyPair keys, SignedRequest request) {
        return Map.of(DeviceHeaders.DEVICE, deviceId, DeviceHeaders.TIMESTAMP, request.timestamp(),
            DeviceHeaders.NONCE, request.nonce(), DeviceHeaders.SIGNATURE, RequestSignature.sign(keys, request));
    }

    /** A check-in body signed now by {@code keys}. */
    Answer signedCheckIn(String deviceId, DeviceKeyPair keys, String body, Instant signedAt) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignedRequest request = SignedRequest.of("POST", "/agent/v1/check-in", signedAt, bytes);
        Map<String, String> headers = new java.util.HashMap<>(signedHeaders(deviceId, keys, request));
        headers.put("Content-Type", "application/json");
        return send("POST", "/agent/v1/check-in", headers, bytes);
    }

    Answer send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One answer. */
    record Answer(int status, String contentType, Map<String, java.util.List<String>> headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String reason() {
            return json().path("reason").asString();
        }

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
