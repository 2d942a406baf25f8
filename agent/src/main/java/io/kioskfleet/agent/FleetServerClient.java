package io.kioskfleet.agent;

import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.checkin.ManagedState;
import io.kioskfleet.protocol.commands.CommandReceipt;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.faults.FaultReport;
import io.kioskfleet.protocol.enrollment.EnrollmentAnswer;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionReceipt;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import io.kioskfleet.protocol.signing.DeviceHeaders;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import io.kioskfleet.protocol.signing.RequestSignature;
import io.kioskfleet.protocol.signing.SignedRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The device's side of the wire: enrolls, and sends signed check-ins, command answers, session events and wipe
 * attestations to one KioskFleet server
 * over a pooled Apache HttpClient with timeouts ({@link FleetConnections}). A request that gets no answer or a 5xx is sent
 * again after a growing wait, signed afresh each time (a new timestamp and nonce, as the server
 * refuses a nonce it has seen); a 4xx is a {@link ServerRefusal} and is not retried.
 */
public final class FleetServerClient implements AutoCloseable {

    static final String ENROLL_PATH = "/agent/v1/enroll";
    static final String CHECK_IN_PATH = "/agent/v1/check-in";
    static final String COMMANDS_PATH = "/agent/v1/commands/";
    static final String SESSIONS_PATH = "/agent/v1/sessions";

    private final URI server;
    private final RetryPolicy retry;
    private final Clock clock;
    private final FleetConnections connections;
    private final boolean ownsConnections;

    /**
     * A client with its own small connection pool, closed with it.
     *
     * @param server the server's base address, e.g. {@code https://fleet.example.lg.jp}
     */
    public FleetServerClient(URI server, RetryPolicy retry, Clock clock) {
        this(server, retry, clock, FleetConnections.pooled(4), true);
    }

    private FleetServerClient(URI server, RetryPolicy retry, Clock clock, FleetConnections connections,
                              boolean ownsConnections) {
        this.server = withoutTrailingSlash(server);
        this.retry = retry;
        this.clock = clock;
        this.connections = connections;
        this.ownsConnections = ownsConnections;
    }

    /** A client over {@code connections}, shared with other clients: closing this client leaves them open. */
    public static FleetServerClient sharing(URI server, FleetConnections connections, RetryPolicy retry, Clock clock) {
        return new FleetServerClient(server, retry, clock, connections, false);
    }

    /** A client with the default retry policy and the system clock. */
    public static FleetServerClient to(URI server) {
        return new FleetServerClient(server, RetryPolicy.DEFAULT, Clock.systemUTC());
    }

    /** Enrolls with a token, a pre-registered serial and the device's public key. */
    public EnrollmentAnswer enroll(EnrollmentRequest request) {
        byte[] body = ProtocolJson.MAPPER.writeValueAsBytes(request);
        Answer answer = withRetries(() -> execute(jsonPost(ENROLL_PATH, body)));
        return ProtocolJson.MAPPER.readValue(answer.body(), EnrollmentAnswer.class);
    }

    /**
     * Checks in as {@code deviceId}, signing with {@code keys}. A {@code 304} (the held policy is
     * current) comes back as an answer with {@code notModified} set, read from the headers.
     */
    public CheckInAnswer checkIn(String deviceId, DeviceKeyPair keys, CheckInRequest request) {
        byte[] body = ProtocolJson.MAPPER.writeValueAsBytes(request);
        Answer answer = withRetries(() -> execute(signed(CHECK_IN_PATH, body, deviceId, keys)));
        if (answer.status() == 304) {
            return new CheckInAnswer(ManagedState.ENROLLED, true, null, etagOf(answer.etag()),
                Instant.parse(answer.serverTime()), Integer.parseInt(answer.nextCheckIn()));
        }
        return ProtocolJson.MAPPER.readValue(answer.body(), CheckInAnswer.class);
    }

    /** Acknowledges that the device received command {@code commandId} (repeating it is harmless). */
    public CommandReceipt acknowledge(String deviceId, DeviceKeyPair keys, String commandId) {
        return signedCall(COMMANDS_PATH + commandId + "/ack", new byte[0], deviceId, keys, CommandReceipt.class);
    }

    /** Reports the outcome of command {@code commandId} (repeating the same report is harmless). */
    public CommandReceipt report(String deviceId, DeviceKeyPair keys, String commandId, CommandResult result) {
        byte[] body = ProtocolJson.MAPPER.writeValueAsBytes(result);
        return signedCall(COMMANDS_PATH + commandId + "/result", body, deviceId, keys, CommandReceipt.class);
    }

    /** Reports that a session started (repeating the same report is harmless). */
    public SessionReceipt startSession(String deviceId, DeviceKeyPair keys, SessionStart start) {
        return signedCall(SESSIONS_PATH, ProtocolJson.MAPPER.writeValueAsBytes(start), deviceId, keys, SessionReceipt.class);
    }

    /** Reports that session {@code sessionId} ended (repeating the same report is harmless). */
    public SessionReceipt endSession(String deviceId, DeviceKeyPair keys, String sessionId, SessionEnd end) {
        return signedCall(SESSIONS_PATH + "/" + sessionId + "/end", ProtocolJson.MAPPER.writeValueAsBytes(end), deviceId,
            keys, SessionReceipt.class);
    }

    /** Sends the signed attestation of a session's wipe (sending the same one again is harmless). */
    public SessionReceipt attest(String deviceId, DeviceKeyPair keys, WipeAttestation attestation) {
        return signedCall(SESSIONS_PATH + "/" + attestation.sessionId() + "/attestation",
            ProtocolJson.MAPPER.writeValueAsBytes(attestation), deviceId, keys, SessionReceipt.class);
    }

    /** Reports a fault of the device (sending the same report again is harmless). */
    public void reportFault(String deviceId, DeviceKeyPair keys, FaultReport report) {
        withRetries(() -> execute(signed("/agent/v1/faults", ProtocolJson.MAPPER.writeValueAsBytes(report), deviceId, keys)));
    }

    private <T> T signedCall(String path, byte[] body, String deviceId, DeviceKeyPair keys, Class<T> answerType) {
        Answer answer = withRetries(() -> execute(signed(path, body, deviceId, keys)));
        return ProtocolJson.MAPPER.readValue(answer.body(), answerType);
    }

    private HttpPost signed(String path, byte[] body, String deviceId, DeviceKeyPair keys) {
        HttpPost post = jsonPost(path, body);
        // Sign the path as it goes on the wire, with the server's own prefix if it has one.
        SignedRequest signed = SignedRequest.of("POST", post.getPath(), clock.instant(), body);
        post.setHeader(DeviceHeaders.DEVICE, deviceId);
        post.setHeader(DeviceHeaders.TIMESTAMP, signed.timestamp());
        post.setHeader(DeviceHeaders.NONCE, signed.nonce());
        post.setHeader(DeviceHeaders.SIGNATURE, RequestSignature.sign(keys, signed));
        return post;
    }

    private HttpPost jsonPost(String path, byte[] body) {
        HttpPost post = new HttpPost(server.resolve(server.getPath() + path));
        post.setHeader("Accept", "application/json, application/problem+json");
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return post;
    }

    /** Something that builds and sends one attempt (built anew per attempt, so it is signed anew). */
    private interface Attempt {
        Answer send() throws IOException;
    }

    private Answer withRetries(Attempt attempt) {
        IOException lastFailure = null;
        Answer lastAnswer = null;
        for (int number = 1; number <= retry.maxAttempts(); number++) {
            if (number > 1) {
                pause(retry.backoffAfter(number - 1));
            }
            try {
                lastAnswer = attempt.send();
                lastFailure = null;
                if (lastAnswer.status() < 500) {
                    return refuseClientErrors(lastAnswer);
                }
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        if (lastFailure != null) {
            throw new ServerUnreachable("no answer from " + server + " after " + retry.maxAttempts() + " attempts: "
                + lastFailure.getMessage(), lastFailure);
        }
        throw new ServerUnreachable("the server kept failing (" + lastAnswer.status() + ") after "
            + retry.maxAttempts() + " attempts", null);
    }

    private static Answer refuseClientErrors(Answer answer) {
        if (answer.status() < 400) {
            return answer;
        }
        try {
            JsonNode problem = ProtocolJson.MAPPER.readTree(answer.body());
            throw new ServerRefusal(answer.status(), textOrNull(problem, "type"), textOrNull(problem, "reason"),
                problem.path("detail").asString("no detail"));
        } catch (JacksonException notJson) {
            throw new ServerRefusal(answer.status(), null, null, "an answer that is not problem+json");
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private Answer execute(HttpPost post) throws IOException {
        return connections.http().execute(post, FleetServerClient::answerOf);
    }

    private static Answer answerOf(ClassicHttpResponse response) throws IOException {
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new Answer(response.getCode(), body, header(response, "ETag"), header(response, DeviceHeaders.SERVER_TIME),
            header(response, DeviceHeaders.NEXT_CHECK_IN));
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private static String etagOf(String header) {
        if (header == null) {
            return null;
        }
        String etag = header.startsWith("W/") ? header.substring(2) : header;
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachable("interrupted while waiting to retry", null);
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    @Override
    public void close() {
        if (ownsConnections) {
            connections.close();
        }
    }

    /** One HTTP answer, read whole. */
    private record Answer(int status, byte[] body, String etag, String serverTime, String nextCheckIn) {
    }
}
