package io.kioskfleet.app.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.agent.DeviceAgent;
import io.kioskfleet.agent.ServerRefusal;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.protocol.checkin.ManagedState;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import io.kioskfleet.protocol.signing.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The device protocol over real HTTP, spoken by the real reference agent (and by hand for what it never sends). */
class DeviceProtocolApiTest extends RunningServiceTest {

    private static final String CHECK_IN_BODY = "{\"activity\":\"IDLE\",\"inventory\":{\"model\":\"ThinBook\"},\"policyEtag\":null}";

    @LocalServerPort
    int port;
    DeviceRequests raw;
    String branch;

    @BeforeEach
    void branchOffice() {
        raw = new DeviceRequests(port);
        branch = newBranch(40);
    }

    private String preRegister(String ouId) {
        String serial = unique("SN");
        Answer created = admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + ouId + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return serial;
    }

    private Answer createToken(String ouId, int maxUses) {
        return admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + ouId + "\",\"maxUses\":" + maxUses
            + ",\"note\":\"roll-out\"}");
    }

    private String token(String ouId, int maxUses) {
        return createToken(ouId, maxUses).text("secret");
    }

    private EnrolledLaptop enrolledLaptop() {
        return new EnrolledLaptop(port).enroll(token(branch, 1), preRegister(branch));
    }

    private String refusalOf(Runnable attempt) {
        try {
            attempt.run();
        } catch (ServerRefusal refused) {
            assertThat(refused.type()).startsWith("urn:kioskfleet:problem:");
            return refused.status() + " " + refused.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aLaptopEnrollsWithItsBranchTokenThenGetsItsPolicyAndNextTimeHearsNothingChanged() {
        String serial = preRegister(branch);
        EnrolledLaptop laptop = new EnrolledLaptop(port).enroll(token(branch, 1), serial.toLowerCase());
        assertThat(laptop.deviceId()).startsWith("dev_");
        Answer device = admin.get("/api/v1/devices/" + laptop.deviceId());
        assertThat(device.text("status")).isEqualTo("ENROLLED");
        assertThat(device.text("publicKey")).isEqualTo(laptop.keys().publicKeyText());

        DeviceAgent.CheckInOutcome first = laptop.checkIn();
        assertThat(first.policyChanged()).isTrue();
        assertThat(first.answer().state()).isEqualTo(ManagedState.ENROLLED);
        assertThat(laptop.state.policy()).isPresent();
        assertThat(first.answer().nextCheckInSeconds()).isBetween(240, 360);

        DeviceAgent.CheckInOutcome second = laptop.checkIn();
        assertThat(second.policyChanged()).isFalse();
        assertThat(second.answer().notModified()).isTrue();
        assertThat(second.answer().policyEtag()).isEqualTo(first.answer().policyEtag());
        assertThat(second.answer().serverTime()).isAfterOrEqualTo(first.answer().serverTime());
    }

    @Test
    void aNotModifiedCheckInIsA304WithoutBodyButWithTheHeaders() {
        EnrolledLaptop laptop = enrolledLaptop();
        String etag = laptop.checkIn().answer().policyEtag();
        String body = "{\"activity\":\"IDLE\",\"inventory\":{},\"policyEtag\":\"" + etag + "\"}";
        DeviceRequests.Answer answer = raw.signedCheckIn(laptop.deviceId(), laptop.keys(), body, Instant.now());
        assertThat(answer.status()).isEqualTo(304);
        assertThat(answer.body()).isEmpty();
        assertThat(answer.header("ETag")).isEqualTo("\"" + etag + "\"");
        assertThat(answer.header("X-KF-Next-Check-In")).matches("\\d+");
        assertThat(answer.header("X-KF-Server-Time")).endsWith("Z");
        assertThat(answer.header("Set-Cookie")).isNull();
    }

    @Test
    void aPolicyPublishedForTheBranchReachesTheLaptopAtItsNextCheckIn() {
        EnrolledLaptop laptop = enrolledLaptop();
        String before = laptop.checkIn().answer().policyEtag();
        String yaml = "apiVersion: kioskfleet/v1\nkind: Policy\nmetadata:\n  name: short\nsettings:\n  session:\n"
            + "    maxLengthMinutes: 45\n";
        String policyId = admin.postBytes("/api/v1/policies?name=" + unique("short"), "application/yaml",
            yaml.getBytes(StandardCharsets.UTF_8)).text("id");
        assertThat(admin.post("/api/v1/policies/" + policyId + "/publish", "").status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/ous/" + branch + "/policy", "{\"policyId\":\"" + policyId + "\"}").status())
            .isEqualTo(200);

        DeviceAgent.CheckInOutcome next = laptop.checkIn();
        assertThat(next.policyChanged()).isTrue();
        assertThat(next.answer().policyEtag()).isNotEqualTo(before);
        assertThat(laptop.state.policy().orElseThrow().session().maxLengthMinutes()).isEqualTo(45);
    }

    @Test
    void theTokenSecretIsShownOnlyWhenTheTokenIsCreated() {
        Answer created = createToken(branch, 3);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("secret")).startsWith("kfet_");
        String id = created.json().path("token").path("id").asString();
        assertThat(id).startsWith("ent_");
        Answer read = admin.get(created.location());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(created.text("secret")).doesNotContain("secretHash");
        assertThat(read.text("state")).isEqualTo("ACTIVE");
        assertThat(admin.get("/api/v1/enrollment-tokens").body()).contains(id).doesNotContain(created.text("secret"));
        assertThat(anonymous.get("/api/v1/enrollment-tokens").status()).isEqualTo(401);
    }

    @Test
    void enrollmentIsRefusedForAnUnknownSerialAUsedARevokedOrAnotherBranchesToken() {
        EnrolledLaptop laptop = new EnrolledLaptop(port);
        assertThat(refusalOf(() -> laptop.enroll(token(branch, 1), unique("NEVER")))).isEqualTo("403 serial-unknown");
        assertThat(refusalOf(() -> laptop.enroll("kfet_guessed", preRegister(branch)))).isEqualTo("403 token-unknown");

        String single = token(branch, 1);
        laptop.enroll(single, preRegister(branch));
        assertThat(refusalOf(() -> new EnrolledLaptop(port).enroll(single, preRegister(branch))))
            .isEqualTo("403 token-used-up");

        Answer revokedToken = createToken(branch, 5);
        String tokenId = revokedToken.json().path("token").path("id").asString();
        assertThat(admin.post("/api/v1/enrollment-tokens/" + tokenId + "/revoke", "").text("state")).isEqualTo("REVOKED");
        assertThat(refusalOf(() -> new EnrolledLaptop(port).enroll(revokedToken.text("secret"), preRegister(branch))))
            .isEqualTo("403 token-revoked");

        String otherBranchToken = token(newBranch(10), 5);
        assertThat(refusalOf(() -> new EnrolledLaptop(port).enroll(otherBranchToken, preRegister(branch))))
            .isEqualTo("403 token-wrong-ou");
    }

    @Test
    void aReImagedLaptopIsRefusedUntilAnAdminAllowsItToEnrollAgain() {
        String serial = preRegister(branch);
        String token = token(branch, 5);
        EnrolledLaptop original = new EnrolledLaptop(port).enroll(token, serial);
        EnrolledLaptop reImaged = new EnrolledLaptop(port);
        assertThat(refusalOf(() -> reImaged.enroll(token, serial))).isEqualTo("403 already-enrolled");

        Answer allowed = admin.post("/api/v1/devices/" + original.deviceId() + "/allow-reenrollment", "");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.text("reenrollmentAllowedAt")).isNotBlank();
        reImaged.enroll(token, serial);

        assertThat(reImaged.deviceId()).isEqualTo(original.deviceId());
        assertThat(reImaged.checkIn().policyChanged()).isTrue();
        assertThat(refusalOf(original::checkIn)).isEqualTo("401 bad-signature");
    }

    @Test
    void forgedReplayedAndStaleRequestsAreRefusedAsProblems() {
        EnrolledLaptop laptop = enrolledLaptop();

        DeviceRequests.Answer forged = raw.signedCheckIn(laptop.deviceId(), DeviceKeyPair.generate(), CHECK_IN_BODY,
            Instant.now());
        assertRefused(forged, 401, "bad-signature");

        byte[] body = CHECK_IN_BODY.getBytes(StandardCharsets.UTF_8);
        SignedRequest once = SignedRequest.of("POST", "/agent/v1/check-in", Instant.now(), body);
        Map<String, String> headers = DeviceRequests.signedHeaders(laptop.deviceId(), laptop.keys(), once);
        assertThat(raw.send("POST", "/agent/v1/check-in", json(headers), body).status()).isEqualTo(200);
        assertRefused(raw.send("POST", "/agent/v1/check-in", json(headers), body), 401, "replayed-nonce");

        DeviceRequests.Answer stale = raw.signedCheckIn(laptop.deviceId(), laptop.keys(), CHECK_IN_BODY,
            Instant.now().minus(Duration.ofMinutes(6)));
        assertRefused(stale, 401, "stale-timestamp");

        SignedRequest signedForOtherBody = SignedRequest.of("POST", "/agent/v1/check-in", Instant.now(), body);
        byte[] tampered = CHECK_IN_BODY.replace("IDLE", "WIPING").getBytes(StandardCharsets.UTF_8);
        assertRefused(raw.send("POST", "/agent/v1/check-in",
            json(DeviceRequests.signedHeaders(laptop.deviceId(), laptop.keys(), signedForOtherBody)), tampered),
            401, "bad-signature");

        assertRefused(raw.send("POST", "/agent/v1/check-in", json(Map.of()), body), 401, "missing-signature");
    }

    @Test
    void aSignedCheckInThatIsNoReportIsA400NamingTheField() {
        EnrolledLaptop laptop = enrolledLaptop();

        DeviceRequests.Answer unknownField = raw.signedCheckIn(laptop.deviceId(), laptop.keys(),
            CHECK_IN_BODY.replace("\"policyEtag\"", "\"colour\""), Instant.now());
        assertRefused(unknownField, 400, null);
        assertThat(unknownField.body()).contains("colour");

        DeviceRequests.Answer wrongType = raw.signedCheckIn(laptop.deviceId(), laptop.keys(),
            "{\"activity\":\"IDLE\",\"inventory\":{\"model\":\"ThinBook\",\"batteryPercent\":\"full\"}}", Instant.now());
        assertRefused(wrongType, 400, null);
        assertThat(wrongType.body()).contains("inventory.batteryPercent");

        assertRefused(raw.signedCheckIn(laptop.deviceId(), laptop.keys(), "{\"activity\":", Instant.now()), 400, null);
        assertRefused(raw.signedCheckIn(laptop.deviceId(), laptop.keys(), "", Instant.now()), 400, null);
        assertRefused(raw.signedCheckIn(laptop.deviceId(), laptop.keys(), "null", Instant.now()), 400, null);
    }

    @Test
    void aSignedCheckInOfAnotherMediaTypeOrMethodIsRefusedAsSpringMvcWouldRefuseIt() {
        EnrolledLaptop laptop = enrolledLaptop();
        byte[] body = CHECK_IN_BODY.getBytes(StandardCharsets.UTF_8);

        Map<String, String> asText = new HashMap<>(DeviceRequests.signedHeaders(laptop.deviceId(), laptop.keys(),
            SignedRequest.of("POST", "/agent/v1/check-in", Instant.now(), body)));
        asText.put("Content-Type", "text/plain");
        assertRefused(raw.send("POST", "/agent/v1/check-in", asText, body), 415, null);

        byte[] none = new byte[0];
        Map<String, String> asGet = new HashMap<>(DeviceRequests.signedHeaders(laptop.deviceId(), laptop.keys(),
            SignedRequest.of("GET", "/agent/v1/check-in", Instant.now(), none)));
        assertRefused(raw.send("GET", "/agent/v1/check-in", asGet, null), 405, null);

        assertThat(raw.signedCheckIn(laptop.deviceId(), laptop.keys(), CHECK_IN_BODY, Instant.now()).status())
            .as("the same laptop's JSON check-in").isEqualTo(200);
    }

    @Test
    void aRetiredLaptopIsRefusedAtItsNextCheckIn() {
        EnrolledLaptop laptop = enrolledLaptop();
        laptop.checkIn();
        admin.post("/api/v1/devices/" + laptop.deviceId() + "/retire", "{\"reason\":\"stolen\"}");
        assertThat(refusalOf(laptop::checkIn)).isEqualTo("401 device-retired");
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        EnrolledLaptop laptop = enrolledLaptop();
        String huge = "{\"activity\":\"IDLE\",\"inventory\":{\"model\":\"" + "x".repeat(70_000) + "\"}}";
        assertRefused(raw.signedCheckIn(laptop.deviceId(), laptop.keys(), huge, Instant.now()), 413, null);
        assertRefused(raw.send("POST", "/agent/v1/enroll", json(Map.of()), huge.getBytes(StandardCharsets.UTF_8)), 413, null);
    }

    @Test
    void aLaptopThatSendsTooFastIsToldToWaitWith429() {
        EnrolledLaptop laptop = enrolledLaptop();
        DeviceRequests.Answer limited = null;
        for (int i = 0; i < 40 && limited == null; i++) {
            DeviceRequests.Answer answer = raw.signedCheckIn(laptop.deviceId(), laptop.keys(), CHECK_IN_BODY, Instant.now());
            if (answer.status() == 429) {
                limited = answer;
            } else {
                assertThat(answer.status()).isEqualTo(200);
            }
        }
        assertThat(limited).as("no 429 within 40 requests").isNotNull();
        assertRefused(limited, 429, null);
        assertThat(limited.header("Retry-After")).matches("\\d+");
    }

    @Test
    void aBurstOfRandomMalformedRequestsNeverGetsA5xx() {
        EnrolledLaptop laptop = enrolledLaptop();
        Random random = new Random(20261123);
        List<String> paths = List.of("/agent/v1/check-in", "/agent/v1/enroll", "/agent/v1/", "/agent/v1/nothing",
            "/agent/v1/check-in?x=%ff", "/agent/v2/check-in", "/agent/v1/check-in/../enroll");
        List<String> methods = List.of("POST", "GET", "PUT", "DELETE", "PATCH");
        List<String> bodies = List.of("", "{", "null", "[]", "{\"activity\":\"NAPPING\"}", "{\"activity\":1}",
            "{\"token\":null,\"serial\":[],\"publicKey\":{}}", "{\"unknown\":true}", "\u0000\u0001garbage",
            "{\"inventory\":{\"batteryPercent\":\"full\"},\"activity\":\"IDLE\"}",
            "{\"token\":\"kfet_x\",\"serial\":\"SN\",\"publicKey\":\"" + "A".repeat(43) + "\"}", CHECK_IN_BODY);
        for (int i = 0; i < 150; i++) {
            String path = paths.get(random.nextInt(paths.size()));
            String method = methods.get(random.nextInt(methods.size()));
            byte[] body = bodies.get(random.nextInt(bodies.size())).getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            if (random.nextBoolean()) {
                headers.put("Content-Type", random.nextBoolean() ? "application/json" : "text/plain");
            }
            if (random.nextBoolean()) {
                headers.put("X-KF-Device", random.nextBoolean() ? laptop.deviceId() : "dev_" + random.nextInt());
                headers.put("X-KF-Timestamp", random.nextBoolean() ? Instant.now().toString() : "soon");
                headers.put("X-KF-Nonce", random.nextBoolean() ? SignedRequest.newNonce() : "n");
                headers.put("X-KF-Signature", random.nextBoolean() ? "A".repeat(86) : "%%%");
            }
            DeviceRequests.Answer answer = raw.send(method, path, headers, method.equals("GET") ? null : body);
            assertThat(answer.status()).as(method + " " + path + " " + new String(body, StandardCharsets.UTF_8))
                .isBetween(200, 499);
            if (answer.status() >= 400) {
                assertThat(answer.contentType()).as(method + " " + path).startsWith("application/problem+json");
            }
        }
    }

    private static Map<String, String> json(Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return all;
    }

    private static void assertRefused(DeviceRequests.Answer answer, int status, String reason) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).startsWith("urn:kioskfleet:problem:");
        if (reason != null) {
            assertThat(answer.reason()).isEqualTo(reason);
        }
    }
}
