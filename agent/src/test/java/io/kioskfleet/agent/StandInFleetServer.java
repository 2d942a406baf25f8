package io.kioskfleet.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.checkin.ManagedState;
import io.kioskfleet.protocol.commands.DeviceCommand;
import io.kioskfleet.protocol.policy.DevicePolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the KioskFleet server's device API, for the agent's own tests: it enrolls anyone,
 * hands out the policy and the commands a test queues, takes every session event and attestation
 * and keeps what it took, in order; switched {@link #down()} it answers 503 to everything.
 */
final class StandInFleetServer implements AutoCloseable {

    /** One request the server took. */
    record Taken(String path, String body) {
    }

    private final HttpServer http;
    private final List<Taken> taken = new CopyOnWriteArrayList<>();
    private final List<DeviceCommand> commands = new CopyOnWriteArrayList<>();
    private volatile DevicePolicy policy;
    private volatile boolean down;
    private volatile String failing;
    private volatile ManagedState deviceState = ManagedState.ENROLLED;

    StandInFleetServer(DevicePolicy policy) throws IOException {
        this.policy = policy;
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::answer);
        http.start();
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    /** Answers 503 to the paths that contain {@code part} (null: to none). */
    void failing(String part) {
        failing = part;
    }

    void queue(DeviceCommand command) {
        commands.add(command);
    }

    void lock() {
        deviceState = ManagedState.LOCKED;
    }

    /** The requests taken whose path contains {@code part}, in order. */
    List<Taken> taken(String part) {
        return taken.stream().filter(request -> request.path().contains(part)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (down || failing != null && path.contains(failing)) {
            send(exchange, 503, "{\"type\":\"about:blank\",\"detail\":\"down for maintenance\"}");
            return;
        }
        taken.add(new Taken(path, body));
        if (path.endsWith("/enroll")) {
            send(exchange, 200, "{\"deviceId\":\"dev_standin\",\"ouId\":\"ou_standin\",\"enrolledAt\":\"" + Instant.now() + "\"}");
        } else if (path.endsWith("/check-in")) {
            CheckInRequest request = ProtocolJson.MAPPER.readValue(body, CheckInRequest.class);
            boolean current = policy.etag().equals(request.policyEtag());
            List<DeviceCommand> waiting = new ArrayList<>(commands);
            commands.clear();
            send(exchange, 200, ProtocolJson.MAPPER.writeValueAsString(new CheckInAnswer(deviceState, current,
                current ? null : policy, policy.etag(), Instant.now(), 300, waiting)));
        } else if (path.endsWith("/ack")) {
            send(exchange, 200, "{\"commandId\":\"" + idAfter(path, "/commands/") + "\",\"state\":\"ACKED\"}");
        } else if (path.endsWith("/result")) {
            send(exchange, 200, "{\"commandId\":\"" + idAfter(path, "/commands/") + "\",\"state\":\"SUCCEEDED\"}");
        } else if (path.endsWith("/sessions")) {
            String id = ProtocolJson.MAPPER.readTree(body).path("sessionId").asString();
            send(exchange, 200, "{\"sessionId\":\"" + id + "\",\"state\":\"STARTED\"}");
        } else if (path.endsWith("/end")) {
            send(exchange, 200, "{\"sessionId\":\"" + idAfter(path, "/sessions/") + "\",\"state\":\"ENDED\"}");
        } else if (path.endsWith("/attestation")) {
            send(exchange, 200, "{\"sessionId\":\"" + idAfter(path, "/sessions/") + "\",\"state\":\"VERIFIED\"}");
        } else {
            send(exchange, 404, "{\"type\":\"about:blank\",\"detail\":\"no such path\"}");
        }
    }

    private static String idAfter(String path, String marker) {
        String rest = path.substring(path.indexOf(marker) + marker.length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
