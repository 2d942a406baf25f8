package io.kioskfleet.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.agent.OneShotCommands;
import io.kioskfleet.agent.ServerRefusal;
import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.ManagedState;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.commands.CommandState;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.commands.DeviceCommand;
import io.kioskfleet.protocol.signing.SignedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Device commands over real HTTP: admins issue them, laptops running the real agent receive and answer them. */
class DeviceCommandsApiTest extends RunningServiceTest {

    private static final String HELLO = "{\"message\":{\"ja\":\"窓口は17時に閉まります\",\"en\":\"The counter closes at 17:00\"}}";

    @LocalServerPort
    int port;
    String branch;

    @BeforeEach
    void branchOffice() {
        branch = newBranch(30);
    }

    private String preRegistered(String ouId) {
        String serial = unique("SN");
        assertThat(admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + ouId + "\"}").status())
            .isEqualTo(201);
        return serial;
    }

    private EnrolledLaptop enrolledLaptop(String ouId) {
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + ouId + "\",\"maxUses\":1}").text("secret");
        return new EnrolledLaptop(port).enroll(token, preRegistered(ouId));
    }

    private Answer issue(ApiClient client, String type, EnrolledLaptop laptop, String payload) {
        return client.post("/api/v1/commands", "{\"type\":\"" + type + "\",\"deviceIds\":[\"" + laptop.deviceId()
            + "\"],\"payload\":" + payload + "}");
    }

    private String issued(String type, EnrolledLaptop laptop, String payload) {
        Answer answer = issue(admin, type, laptop, payload);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("devices").get(0).path("commandId").asString();
    }

    private String stateOf(String commandId) {
        return admin.get("/api/v1/commands/" + commandId).text("state");
    }

    private static List<CommandType> typesOf(CheckInAnswer answer) {
        return answer.commands().stream().map(DeviceCommand::type).toList();
    }

    /** What the one-shot {@code check-in} prints while carrying out the commands of {@code answer}. */
    private static String carriedOut(EnrolledLaptop laptop, CheckInAnswer answer) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new OneShotCommands(laptop.agent, laptop.state, new PrintStream(printed, true, StandardCharsets.UTF_8), null)
            .carryOut(answer.commands());
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String refusalOf(Runnable attempt) {
        try {
            attempt.run();
        } catch (ServerRefusal refused) {
            return refused.status() + " " + refused.type().replace("urn:kioskfleet:problem:", "");
        }
        throw new AssertionError("not refused");
    }

    /** A signed request of the laptop to {@code path}, which the real agent has no call for. */
    private DeviceRequests.Answer signedPost(EnrolledLaptop laptop, String path) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(DeviceRequests.signedHeaders(laptop.deviceId(), laptop.keys(),
            SignedRequest.of("POST", path, Instant.now(), body)));
        headers.put("Content-Type", "application/json");
        return new DeviceRequests(port).send("POST", path, headers, body);
    }

    @Test
    void anAdminLocksALostLaptopInOneCallAndItsNextCheckInReceivesTheLockAndNothingElse() {
        EnrolledLaptop laptop = enrolledLaptop(branch);
        laptop.checkIn();
        issued("MESSAGE", laptop, HELLO);

        Answer locked = admin.post("/api/v1/devices/" + laptop.deviceId() + "/lock", "{\"reason\":\"電車に置き忘れ\"}");

        assertThat(locked.status()).as(locked.body()).isEqualTo(201);
        assertThat(locked.json().path("devices").get(0).path("outcome").asString()).isEqualTo("ISSUED");
        assertThat(admin.get("/api/v1/devices/" + laptop.deviceId()).text("status")).isEqualTo("LOCKED");

        CheckInAnswer answer = laptop.checkIn().answer();
        assertThat(answer.state()).isEqualTo(ManagedState.LOCKED);
        assertThat(answer.policy()).isNull();
        assertThat(typesOf(answer)).containsExactly(CommandType.LOCK);
        String printed = carriedOut(laptop, answer);
        assertThat(printed).contains("This device has been locked as lost", "電車に置き忘れ", "SUCCEEDED");
        assertThat(laptop.state.lostMode()).contains("電車に置き忘れ");

        DeviceRequests.Answer refused = signedPost(laptop, "/agent/v1/events");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:kioskfleet:problem:device-locked");
        assertThat(typesOf(laptop.checkIn().answer())).isEmpty();

        JsonNode contacts = admin.get("/api/v1/devices/" + laptop.deviceId() + "/lost-contacts").json();
        assertThat(contacts.path("total").asLong()).isEqualTo(2);
        assertThat(contacts.path("items").get(0).path("sourceAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(contacts.path("items").get(0).path("at").asString()).isNotBlank();

        assertThat(admin.post("/api/v1/devices/" + laptop.deviceId() + "/unlock", "").text("status")).isEqualTo("ENROLLED");
        CheckInAnswer found = laptop.checkIn().answer();
        assertThat(found.state()).isEqualTo(ManagedState.ENROLLED);
        assertThat(typesOf(found)).containsExactly(CommandType.MESSAGE);
        assertThat(laptop.state.lostMode()).isEmpty();
        assertThat(admin.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void issuingToABranchCreatesOneCommandPerEnrolledLaptopAndARetriedPostCreatesNone() {
        EnrolledLaptop first = enrolledLaptop(branch);
        EnrolledLaptop second = enrolledLaptop(branch);
        preRegistered(branch);
        String body = "{\"type\":\"LOGOUT\",\"ouId\":\"" + branch + "\",\"expiresInMinutes\":60,\"idempotencyKey\":\""
            + unique("closing") + "\"}";

        Answer issued = admin.post("/api/v1/commands", body);
        Answer retried = admin.post("/api/v1/commands", body);

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().path("issued").asInt()).isEqualTo(2);
        assertThat(issued.json().path("devices")).hasSize(3);
        assertThat(retried.json().path("issued").asInt()).isZero();
        assertThat(retried.json().path("devices").findValuesAsString("outcome"))
            .containsExactlyInAnyOrder("ALREADY_ISSUED", "ALREADY_ISSUED", "SKIPPED");
        for (EnrolledLaptop laptop : List.of(first, second)) {
            Answer listed = admin.get("/api/v1/commands?device=" + laptop.deviceId());
            assertThat(listed.json().path("total").asLong()).isEqualTo(1);
            assertThat(typesOf(laptop.checkIn().answer())).containsExactly(CommandType.LOGOUT);
        }
    }

    @Test
    void acknowledgementsAndResultsAreIdempotentAndAnotherLaptopCannotAnswerMyCommand() {
        EnrolledLaptop mine = enrolledLaptop(branch);
        EnrolledLaptop other = enrolledLaptop(branch);
        String id = issued("REBOOT", mine, "null");
        assertThat(typesOf(mine.checkIn().answer())).containsExactly(CommandType.REBOOT);
        assertThat(stateOf(id)).isEqualTo("DELIVERED");

        assertThat(refusalOf(() -> other.agent.acknowledge(id))).isEqualTo("404 not-found");
        assertThat(mine.agent.acknowledge(id).state()).isEqualTo(CommandState.ACKED);
        assertThat(mine.agent.acknowledge(id).state()).isEqualTo(CommandState.ACKED);
        CommandResult done = new CommandResult(true, "restarted");
        assertThat(mine.agent.report(id, done).state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(mine.agent.report(id, done).state()).isEqualTo(CommandState.SUCCEEDED);
        assertThat(refusalOf(() -> mine.agent.report(id, new CommandResult(false, "no")))).isEqualTo("409 result-differs");
        assertThat(refusalOf(() -> other.agent.report(id, done))).isEqualTo("404 not-found");
        assertThat(admin.get("/api/v1/commands/" + id).json().path("result").path("detail").asString()).isEqualTo("restarted");
    }

    @Test
    void theOneShotCheckInShowsAMessageAndSaysWhatOnlyTheLongRunningAgentCanDo() {
        EnrolledLaptop laptop = enrolledLaptop(branch);
        String message = issued("MESSAGE", laptop, HELLO);
        String wipe = issued("WIPE", laptop, "{\"wipeAreas\":[\"DOWNLOADS\"]}");

        String printed = carriedOut(laptop, laptop.checkIn().answer());

        assertThat(printed).contains("窓口は17時に閉まります", "The counter closes at 17:00", OneShotCommands.NOT_SUPPORTED);
        assertThat(stateOf(message)).isEqualTo("SUCCEEDED");
        assertThat(stateOf(wipe)).isEqualTo("FAILED");
        assertThat(laptop.checkIn().answer().notModified()).isTrue();
    }

    @Test
    void aCancelledCommandNeverReachesTheLaptop() {
        EnrolledLaptop laptop = enrolledLaptop(branch);
        laptop.checkIn();
        String id = issued("WIPE", laptop, "null");

        Answer cancelled = admin.post("/api/v1/commands/" + id + "/cancel", "");

        assertThat(cancelled.text("state")).isEqualTo("CANCELLED");
        CheckInAnswer answer = laptop.checkIn().answer();
        assertThat(answer.notModified()).isTrue();
        assertThat(answer.commands()).isEmpty();
        assertThat(refusalOf(() -> laptop.agent.acknowledge(id))).isEqualTo("409 command-closed");
        assertThat(admin.post("/api/v1/commands/" + id + "/cancel", "").text("state")).isEqualTo("CANCELLED");
    }

    @Test
    void aBranchAdminCannotCommandALaptopOfAnotherBranch() {
        EnrolledLaptop elsewhere = enrolledLaptop(newBranch(50));
        ApiClient branchAdmin = branchAdminOf(branch);

        assertThat(issue(branchAdmin, "WIPE", elsewhere, "null").status()).isEqualTo(404);
        assertThat(branchAdmin.post("/api/v1/devices/" + elsewhere.deviceId() + "/lock", "{}").status()).isEqualTo(404);
        assertThat(branchAdmin.post("/api/v1/commands", "{\"type\":\"LOGOUT\",\"ouId\":\"" + elsewhere.identity.ouId()
            + "\"}").status()).isEqualTo(403);
        String id = issued("REBOOT", elsewhere, "null");
        assertThat(branchAdmin.get("/api/v1/commands/" + id).status()).isEqualTo(404);
        assertThat(branchAdmin.post("/api/v1/commands/" + id + "/cancel", "").status()).isEqualTo(404);

        EnrolledLaptop own = enrolledLaptop(branch);
        assertThat(issue(branchAdmin, "MESSAGE", own, HELLO).status()).isEqualTo(201);
    }

    @Test
    void aLaptopThatReportsItsRetirementIsRetiredAndRefusedFromThenOn() {
        EnrolledLaptop laptop = enrolledLaptop(branch);
        String id = issued("RETIRE", laptop, "null");
        assertThat(typesOf(laptop.checkIn().answer())).containsExactly(CommandType.RETIRE);

        assertThat(laptop.agent.report(id, new CommandResult(true, "enrollment forgotten")).state())
            .isEqualTo(CommandState.SUCCEEDED);

        assertThat(admin.get("/api/v1/devices/" + laptop.deviceId()).text("status")).isEqualTo("RETIRED");
        assertThat(refusalOf(laptop::checkIn)).isEqualTo("401 device-authentication");
    }

    @Test
    void badOrdersAreRefusedWithEveryProblemNamed() {
        Answer refused = admin.post("/api/v1/commands", "{\"type\":\"MESSAGE\",\"deviceIds\":[],\"ouId\":\"" + branch
            + "\",\"expiresInMinutes\":0,\"idempotencyKey\":\"with space\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("path"))
            .contains("deviceIds", "expiresInMinutes", "idempotencyKey", "payload.message");
    }
}
