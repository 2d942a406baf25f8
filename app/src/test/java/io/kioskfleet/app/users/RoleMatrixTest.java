package io.kioskfleet.app.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what, as a table: every role (and a stranger) against the admin API, including a
 * branch admin reaching for another branch's device. One row per call, one column per role.
 */
class RoleMatrixTest extends RunningServiceTest {

    private static final String PASSWORD = "matrix-password-123";
    private static final List<String> ROLES = List.of("FLEET_ADMIN", "BRANCH_ADMIN", "HELPDESK", "AUDITOR", "STAFF", "anonymous");

    @LocalServerPort
    int serverPort;

    private final Map<String, ApiClient> as = new LinkedHashMap<>();
    private String ownBranch;
    private String otherBranch;
    private String ownDevice;
    private String otherDevice;

    @BeforeEach
    void people() {
        ownBranch = newBranch(30);
        otherBranch = newBranch(60);
        ownDevice = device(ownBranch);
        otherDevice = device(otherBranch);
        as.put("FLEET_ADMIN", admin);
        for (String role : List.of("BRANCH_ADMIN", "HELPDESK", "AUDITOR", "STAFF")) {
            String name = unique(role.toLowerCase().replace('_', '-'));
            String scope = role.equals("BRANCH_ADMIN") ? "[\"" + ownBranch + "\"]" : "[]";
            Answer created = admin.post("/api/v1/users", "{\"username\":\"" + name.toLowerCase() + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"" + role + "\"],\"ouScope\":" + scope + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            as.put(role, ApiClient.signedIn(serverPort, name.toLowerCase(), PASSWORD));
        }
        as.put("anonymous", anonymous);
    }

    private String device(String ouId) {
        return admin.post("/api/v1/devices", "{\"serial\":\"" + unique("RM") + "\",\"ouId\":\"" + ouId + "\"}").text("id");
    }

    private static String wave(String ouId) {
        return "{\"name\":\"" + unique("wave") + "\",\"kind\":\"LOGOUT_WAVE\",\"timesOfDay\":[\"18:00\"],"
            + "\"target\":{\"ouIds\":[\"" + ouId + "\"]}}";
    }

    private String ticket(String ouId) {
        return admin.post("/api/v1/tickets", "{\"title\":\"" + unique("t") + "\",\"ouId\":\"" + ouId + "\"}").text("id");
    }

    private long versionOf(String deviceId) {
        return admin.get("/api/v1/devices/" + deviceId).json().path("version").asLong();
    }

    private record Row(String call, Function<ApiClient, Answer> request, int... expected) {
    }

    @Test
    void eachRoleGetsExactlyWhatItShould() {
        List<Row> rows = List.of(
            new Row("list devices", c -> c.get("/api/v1/devices"), 200, 200, 200, 200, 403, 401),
            new Row("read own branch's device", c -> c.get("/api/v1/devices/" + ownDevice), 200, 200, 200, 200, 403, 401),
            new Row("read other branch's device", c -> c.get("/api/v1/devices/" + otherDevice), 200, 404, 200, 200, 403, 401),
            new Row("read own branch's device timeline", c -> c.get("/api/v1/devices/" + ownDevice + "/timeline"),
                200, 200, 200, 200, 403, 401),
            new Row("read other branch's device timeline", c -> c.get("/api/v1/devices/" + otherDevice + "/timeline"),
                200, 404, 200, 200, 403, 401),
            new Row("register in own branch", c -> c.post("/api/v1/devices",
                "{\"serial\":\"" + unique("RM") + "\",\"ouId\":\"" + ownBranch + "\"}"), 201, 201, 403, 403, 403, 401),
            new Row("register in other branch", c -> c.post("/api/v1/devices",
                "{\"serial\":\"" + unique("RM") + "\",\"ouId\":\"" + otherBranch + "\"}"), 201, 403, 403, 403, 403, 401),
            new Row("retire other branch's device", c -> c.post("/api/v1/devices/" + device(otherBranch) + "/retire", "{}"),
                200, 404, 403, 403, 403, 401),
            new Row("edit own branch's device", c -> c.patch("/api/v1/devices/" + ownDevice,
                "{\"notes\":\"" + unique("n") + "\",\"version\":" + versionOf(ownDevice) + "}"), 200, 200, 403, 403, 403, 401),
            new Row("move own branch's device to the other branch", c -> c.patch("/api/v1/devices/" + device(ownBranch),
                "{\"ouId\":\"" + otherBranch + "\",\"version\":1}"), 200, 403, 403, 403, 403, 401),
            new Row("read the organisation", c -> c.get("/api/v1/ous"), 200, 200, 200, 200, 200, 401),
            new Row("create a unit", c -> c.post("/api/v1/ous",
                "{\"name\":\"" + unique("課") + "\",\"parentId\":\"" + ownBranch + "\",\"address\":\"x\"}"), 201, 403, 403, 403, 403, 401),
            new Row("verify the audit chain", c -> c.get("/api/v1/audit/verify"), 200, 403, 403, 200, 403, 401),
            new Row("search the audit log", c -> c.get("/api/v1/audit/search?action=device."), 200, 403, 403, 200, 403, 401),
            new Row("read the evidence report", c -> c.get("/api/v1/evidence?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z"),
                200, 403, 403, 200, 403, 401),
            new Row("list the scheduled evidence reports", c -> c.get("/api/v1/scheduled-reports"), 200, 403, 403, 200, 403, 401),
            new Row("download a scheduled report that is not there", c -> c.getAnything("/api/v1/scheduled-reports/run_none/report.csv"),
                404, 403, 403, 404, 403, 401),
            new Row("export the evidence report as PDF", c -> c.getAnything(
                "/api/v1/evidence/export.pdf?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z"), 200, 403, 403, 200, 403, 401),
            new Row("export the audit chain", c -> c.get("/api/v1/audit/export"), 200, 403, 403, 200, 403, 401),
            new Row("read the evidence public key", c -> c.getAnything("/api/v1/evidence/public-key"),
                200, 200, 200, 200, 200, 401),
            new Row("list accounts", c -> c.get("/api/v1/users"), 200, 403, 403, 200, 403, 401),
            new Row("create an account", c -> c.post("/api/v1/users", "{\"username\":\"" + unique("u").toLowerCase()
                + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"STAFF\"]}"), 201, 403, 403, 403, 403, 401),
            new Row("read own account", c -> c.get("/api/v1/users/me"), 200, 200, 200, 200, 200, 401),
            new Row("list policies", c -> c.get("/api/v1/policies"), 200, 200, 200, 200, 403, 401),
            new Row("create a policy", c -> c.post("/api/v1/policies", "{\"name\":\"" + unique("p").toLowerCase()
                + "\",\"source\":\"apiVersion: kioskfleet/v1\\nkind: Policy\\nmetadata:\\n  name: x\\n\"}"), 201, 403, 403, 403, 403, 401),
            new Row("list schedules", c -> c.get("/api/v1/schedules"), 200, 200, 403, 200, 403, 401),
            new Row("schedule a wave for own branch", c -> c.post("/api/v1/schedules", wave(ownBranch)),
                201, 201, 403, 403, 403, 401),
            new Row("schedule a wave for other branch", c -> c.post("/api/v1/schedules", wave(otherBranch)),
                201, 403, 403, 403, 403, 401),
            new Row("change office closures", c -> c.put("/api/v1/calendar/closures",
                "{\"yearlyClosures\":[\"12-29\",\"12-30\",\"12-31\",\"01-01\",\"01-02\",\"01-03\"],\"closedDates\":[]}"), 200, 403, 403, 403, 403, 401),
            new Row("raise a ticket for a device", c -> c.post("/api/v1/tickets",
                "{\"title\":\"画面が映らない\",\"deviceId\":\"" + ownDevice + "\"}"), 201, 201, 201, 403, 201, 401),
            new Row("list tickets", c -> c.get("/api/v1/tickets"), 200, 200, 200, 403, 200, 401),
            new Row("claim other branch's ticket", c -> c.post("/api/v1/tickets/" + ticket(otherBranch) + "/claim", ""),
                200, 404, 200, 403, 403, 401),
            new Row("remote-resolution report", c -> c.get("/api/v1/tickets/report/remote-resolution"),
                200, 200, 200, 403, 403, 401),
            new Row("list webhooks", c -> c.get("/api/v1/webhooks"), 200, 403, 403, 403, 403, 401),
            new Row("list dead letters", c -> c.get("/api/v1/webhooks/dead-letters"), 200, 403, 403, 403, 403, 401),
            new Row("list job runs", c -> c.get("/api/v1/job-runs"), 200, 403, 200, 200, 403, 401),
            new Row("cancel a job run", c -> c.post("/api/v1/job-runs/run_unknown/cancel", ""), 404, 403, 403, 403, 403, 401),
            new Row("read metrics", c -> c.getAnything("/actuator/prometheus"), 200, 403, 403, 403, 403, 401),
            new Row("list sites", c -> c.get("/api/v1/sites"), 200, 200, 200, 200, 200, 401),
            new Row("create a site in own branch", c -> c.post("/api/v1/sites", siteIn(ownBranch)), 201, 201, 403, 403, 403, 401),
            new Row("create a site in other branch", c -> c.post("/api/v1/sites", siteIn(otherBranch)), 201, 403, 403, 403, 403, 401),
            new Row("remove an unbooked desk", c -> c.delete("/api/v1/desks/" + newDesk()), 204, 204, 403, 403, 403, 401),
            new Row("remove an empty site of own branch", c -> c.delete("/api/v1/sites/" + admin.post("/api/v1/sites",
                siteIn(ownBranch)).text("id")), 204, 204, 403, 403, 403, 401),
            new Row("book a desk for oneself", c -> c.post("/api/v1/bookings", bookingOf(newDesk(), null)), 201, 201, 201, 201, 201, 401),
            new Row("book a desk for someone else", c -> c.post("/api/v1/bookings", bookingOf(newDesk(), unique("someone").toLowerCase())),
                201, 201, 403, 403, 403, 401),
            new Row("cancel someone else's booking", c -> c.post("/api/v1/bookings/" + bookedForSomeone() + "/cancel", ""),
                200, 200, 404, 404, 404, 401),
            new Row("read occupancy", c -> c.get("/api/v1/occupancy?site=" + ownSite() + "&from=2026-01-05&to=2026-01-09"),
                200, 200, 200, 200, 403, 401),
            new Row("list open loans", c -> c.get("/api/v1/loans"), 200, 200, 200, 200, 403, 401),
            new Row("list my loans", c -> c.get("/api/v1/loans/mine"), 200, 200, 200, 200, 200, 401),
            new Row("lend a laptop", c -> c.post("/api/v1/loans", "{\"deviceId\":\"" + pooledLaptop() + "\",\"borrower\":\"x\"}"),
                201, 201, 201, 403, 403, 401));

        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < ROLES.size(); i++) {
                int status = row.request().apply(as.get(ROLES.get(i))).status();
                if (status != row.expected()[i]) {
                    mismatches.add(row.call() + " as " + ROLES.get(i) + ": expected " + row.expected()[i] + ", got " + status);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aScriptWithAnApiTokenActsWithTheTokensRolesUntilItIsRevoked() {
        Answer issued = as.get("AUDITOR").post("/api/v1/api-tokens",
            "{\"name\":\"nightly check\",\"expiresAt\":\"" + java.time.Instant.now().plusSeconds(3600) + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String secret = issued.text("secret");
        ApiClient script = ApiClient.withToken(serverPort, secret);

        assertThat(script.get("/api/v1/audit/verify").status()).isEqualTo(200);
        assertThat(script.post("/api/v1/ous", "{\"name\":\"x\"}").status()).isEqualTo(403);

        String tokenId = issued.json().path("token").path("id").asString();
        assertThat(as.get("AUDITOR").post("/api/v1/api-tokens/" + tokenId + "/revoke", "").status()).isEqualTo(200);
        Answer refused = script.get("/api/v1/audit/verify");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("type")).isEqualTo("urn:kioskfleet:problem:unauthenticated");
        assertThat(ApiClient.withToken(serverPort, "kfat_made-up").get("/api/v1/devices").status()).isEqualTo(401);
    }

    private String ownSite;
    private String ownFloor;

    /** A site of the own branch with one floor, made once per test by the fleet admin. */
    private String ownSite() {
        if (ownSite == null) {
            ownSite = admin.post("/api/v1/sites", siteIn(ownBranch)).text("id");
            ownFloor = admin.post("/api/v1/sites/" + ownSite + "/floors", "{\"name\":\"1F\"}").json()
                .path("floors").get(0).path("id").asString();
        }
        return ownSite;
    }

    private String siteIn(String ouId) {
        return "{\"ouId\":\"" + ouId + "\",\"name\":\"" + unique("site") + "\"}";
    }

    private String newDesk() {
        String site = ownSite();
        return admin.post("/api/v1/desks", "{\"siteId\":\"" + site + "\",\"floorId\":\"" + ownFloor + "\",\"name\":\""
            + unique("D") + "\"}").text("id");
    }

    private static String bookingOf(String deskId, String user) {
        String date = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(1).toString();
        return "{\"deskId\":\"" + deskId + "\",\"date\":\"" + date + "\",\"kind\":\"MORNING\""
            + (user == null ? "" : ",\"user\":\"" + user + "\"") + "}";
    }

    private String bookedForSomeone() {
        return admin.post("/api/v1/bookings", bookingOf(newDesk(), unique("someone").toLowerCase())).text("id");
    }

    private String pooledLaptop() {
        String deviceId = device(ownBranch);
        admin.post("/api/v1/sites/" + ownSite() + "/laptops", "{\"deviceId\":\"" + deviceId + "\"}");
        return deviceId;
    }
}
