package io.kioskfleet.app.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.app.agent.EnrolledLaptop;
import io.kioskfleet.protocol.faults.FaultCategory;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Fault tickets over real HTTP: staff report, the help desk claims, acts remotely and resolves. */
class TicketApiTest extends RunningServiceTest {

    private static final String PASSWORD = "ticket-password-123";

    @LocalServerPort
    int port;
    String branch;

    @BeforeEach
    void branchOffice() {
        branch = newBranch(120);
    }

    private ApiClient person(String role) {
        String name = unique(role.toLowerCase(Locale.ROOT).replace('_', '-')).toLowerCase(Locale.ROOT);
        Answer created = admin.post("/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
            + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return ApiClient.signedIn(port, name, PASSWORD);
    }

    private String serialAt(String ouId) {
        String serial = unique("SN");
        assertThat(admin.post("/api/v1/devices", "{\"serial\":\"" + serial + "\",\"ouId\":\"" + ouId + "\"}").status())
            .isEqualTo(201);
        return serial;
    }

    private EnrolledLaptop enrolledLaptop(String ouId) {
        String token = admin.post("/api/v1/enrollment-tokens", "{\"ouId\":\"" + ouId + "\",\"maxUses\":1}").text("secret");
        return new EnrolledLaptop(port).enroll(token, serialAt(ouId));
    }

    private static String username(ApiClient client) {
        return client.get("/api/v1/users/me").text("username");
    }

    @Test
    void helpdeskClaimsAStaffReportLogsTheLaptopOutRemotelyAndResolvesItWhileOthersSeeWhoHandlesIt() {
        EnrolledLaptop laptop = enrolledLaptop(branch);
        String serial = admin.get("/api/v1/devices/" + laptop.deviceId()).text("serial");
        ApiClient staff = person("STAFF");
        ApiClient sato = person("HELPDESK");
        ApiClient suzuki = person("HELPDESK");

        Answer raised = staff.post("/api/v1/tickets", "{\"title\":\"ログアウトできない\",\"deviceSerial\":\"" + serial
            + "\",\"deskId\":\"3F-A-12\",\"priority\":\"P1\"}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String id = raised.text("id");
        assertThat(raised.text("priority")).as("staff cannot choose the priority").isEqualTo("P3");
        assertThat(raised.text("ouId")).isEqualTo(branch);

        Answer unclaimedClose = sato.post("/api/v1/tickets/" + id + "/transitions", "{\"state\":\"RESOLVED\"}");
        assertThat(unclaimedClose.status()).isEqualTo(409);
        assertThat(unclaimedClose.text("type")).isEqualTo("urn:kioskfleet:problem:ticket-unclaimed");
        assertThat(sato.post("/api/v1/tickets/" + id + "/claim", "").status()).isEqualTo(200);
        Answer second = suzuki.post("/api/v1/tickets/" + id + "/claim", "");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("detail")).contains("already handled by " + username(sato));
        JsonNode seenBySuzuki = suzuki.get("/api/v1/tickets?handler=" + username(sato)).json();
        assertThat(seenBySuzuki.findValuesAsString("id")).contains(id);

        Answer logout = sato.post("/api/v1/tickets/" + id + "/remote-actions", "{\"type\":\"LOGOUT\"}");
        assertThat(logout.status()).as(logout.body()).isEqualTo(200);
        assertThat(logout.text("state")).isEqualTo("REMOTE_ACTION");
        assertThat(laptop.checkIn().answer().commands()).extracting(command -> command.type().name())
            .containsExactly("LOGOUT");
        Answer resolved = sato.post("/api/v1/tickets/" + id + "/transitions",
            "{\"state\":\"RESOLVED\",\"note\":\"リモートでログアウト\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

        JsonNode details = staff.get("/api/v1/tickets/" + id).json();
        assertThat(details.path("view").path("ticket").path("handler").asString()).isEqualTo(username(sato));
        assertThat(details.path("view").path("travelMinutes").asInt()).isEqualTo(120);
        assertThat(details.path("history").findValuesAsString("kind"))
            .containsExactly("RAISED", "CLAIMED", "REMOTE_COMMAND", "STATE");
        assertThat(details.path("history").get(2).path("commandState").asString()).isIn("DELIVERED", "ACKED", "SUCCEEDED");
        JsonNode report = admin.get("/api/v1/tickets/report/remote-resolution").json();
        assertThat(report.findValuesAsString("ouId")).contains(branch);
    }

    @Test
    void aFaultReportedByTheAgentRaisesOneAutomaticTicketPerCauseAndDevice() {
        EnrolledLaptop laptop = enrolledLaptop(branch);

        laptop.reportFault(FaultCategory.NETWORK, "Wi-Fi に接続できません", null);
        laptop.reportFault(FaultCategory.NETWORK, "Wi-Fi に接続できません", null);

        JsonNode open = admin.get("/api/v1/tickets?device=" + laptop.deviceId()).json();
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).path("ticket").path("cause").asString()).isEqualTo("DEVICE_FAULT");
        assertThat(open.get(0).path("ticket").path("occurrences").asInt()).isEqualTo(2);
        assertThat(open.get(0).path("sla").path("dueAt").asString()).isNotBlank();
    }

    @Test
    void badInputGetsTheFieldsAndAnUnknownTransitionTheAllowedOnes() {
        Answer blank = admin.post("/api/v1/tickets", "{\"title\":\" \",\"ouId\":\"" + branch + "\"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("title");
        String id = admin.post("/api/v1/tickets", "{\"title\":\"プリンタ\",\"ouId\":\"" + branch + "\"}").text("id");
        admin.post("/api/v1/tickets/" + id + "/claim", "");

        Answer closing = admin.post("/api/v1/tickets/" + id + "/transitions", "{\"state\":\"CLOSED\"}");

        assertThat(closing.status()).isEqualTo(409);
        assertThat(closing.text("detail")).contains("NEW cannot move to CLOSED");
    }
}
