package io.kioskfleet.app.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScheduleApiTest extends RunningServiceTest {

    private static String wipeAtNoonAndEvening(String name, String ouId) {
        return "{\"name\":\"" + name + "\",\"kind\":\"LOGOUT_AND_WIPE\",\"timesOfDay\":[\"12:00\",\"17:30\"],"
            + "\"weekdays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"],\"holidayRule\":\"SKIP\","
            + "\"target\":{\"ouIds\":[\"" + ouId + "\"]},\"spreadMinutes\":10}";
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    @Test
    void anAdminCreatesAWipeScheduleSeesItsNextTenFiresAndPausesIt() {
        String branch = newBranch(30);
        Answer created = admin.post("/api/v1/schedules", wipeAtNoonAndEvening(unique("昼と夕方"), branch));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.location()).isEqualTo("/api/v1/schedules/" + id);
        assertThat(created.text("timeZone")).isEqualTo("Asia/Tokyo");

        JsonNode next = admin.get("/api/v1/schedules/" + id + "/next-fires?count=10").json();
        assertThat(next.size()).isEqualTo(10);
        assertThat(texts(next, "local")).allSatisfy(local ->
            assertThat(local).matches("\\d{4}-\\d\\d-\\d\\dT(12:00|17:30):00\\+09:00"));

        Answer paused = admin.post("/api/v1/schedules/" + id + "/pause?version=1", "");
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().path("enabled").asBoolean()).isFalse();
        JsonNode list = admin.get("/api/v1/schedules").json();
        list.forEach(summary -> {
            if (summary.path("id").asString().equals(id)) {
                assertThat(summary.path("enabled").asBoolean()).isFalse();
                assertThat(summary.path("nextFire").isNull()).isTrue();
            }
        });
        assertThat(admin.post("/api/v1/schedules/" + id + "/resume?version=1", "").status()).isEqualTo(409);
    }

    @Test
    void runNowRecordsTheFireInTheLog() {
        String id = admin.post("/api/v1/schedules", wipeAtNoonAndEvening(unique("今すぐ"), newBranch(30))).text("id");
        Answer fired = admin.post("/api/v1/schedules/" + id + "/run-now", "");
        assertThat(fired.status()).as(fired.body()).isEqualTo(200);
        assertThat(fired.text("decision")).isEqualTo("FIRED_NOW");
        assertThat(texts(admin.get("/api/v1/schedules/" + id + "/fires").json(), "decision")).containsExactly("FIRED_NOW");
    }

    @Test
    void aMonthlyEvidenceReportKeepsItsPeriodAndAWrongPeriodIsAProblem() {
        Answer created = admin.post("/api/v1/schedules", "{\"name\":\"" + unique("月次の証跡") + "\","
            + "\"kind\":\"EVIDENCE_REPORT\",\"timesOfDay\":[\"01:00\"],\"reportPeriod\":\"MONTH\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/schedules/" + created.text("id")).text("reportPeriod")).isEqualTo("MONTH");

        Answer onAWave = admin.post("/api/v1/schedules", "{\"name\":\"x\",\"kind\":\"REBOOT\","
            + "\"timesOfDay\":[\"03:00\"],\"reportPeriod\":\"WEEK\"}");
        assertThat(onAWave.status()).isEqualTo(400);
        assertThat(texts(onAWave.json().path("errors"), "path")).containsExactly("reportPeriod");
        assertThat(admin.post("/api/v1/schedules", "{\"name\":\"x\",\"kind\":\"EVIDENCE_REPORT\","
            + "\"timesOfDay\":[\"01:00\"],\"reportPeriod\":\"YEAR\"}").status()).isEqualTo(400);
    }

    @Test
    void badInputIsAProblemWithEveryFieldNamed() {
        Answer refused = admin.post("/api/v1/schedules", "{\"name\":\"x\",\"kind\":\"REBOOT\",\"cron\":\"0 0 25 * * ?\","
            + "\"timeZone\":\"Asia/Atlantis\",\"batchSize\":0}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(texts(refused.json().path("errors"), "path")).containsExactlyInAnyOrder("cron", "timeZone", "batchSize");

        Answer unknownKind = admin.post("/api/v1/schedules", "{\"name\":\"x\",\"kind\":\"DANCE\",\"cron\":\"0 0 3 * * ?\"}");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/schedules/sch_nothere").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/schedules/sch_nothere/next-fires?count=0").status()).isIn(400, 404);
    }

    @Test
    void aBranchAdminSchedulesOnlyTheirOwnBranch() {
        String own = newBranch(30);
        String other = newBranch(45);
        ApiClient branchAdmin = branchAdminOf(own);
        assertThat(branchAdmin.post("/api/v1/schedules", wipeAtNoonAndEvening(unique("自分"), own)).status()).isEqualTo(201);
        Answer refused = branchAdmin.post("/api/v1/schedules", wipeAtNoonAndEvening(unique("他人"), other));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void theCalendarListsHolidaysAndKeepsTheYearEndBreakByDefault() {
        JsonNode holidays = admin.get("/api/v1/calendar/holidays?year=2026").json();
        assertThat(texts(holidays, "date")).contains("2026-09-22", "2026-11-23").hasSize(18);
        assertThat(admin.get("/api/v1/calendar/closures").json().path("yearlyClosures").toString()).contains("12-29", "01-03");
        Answer bad = admin.put("/api/v1/calendar/closures", "{\"yearlyClosures\":[\"13-40\"],\"closedDates\":[]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(texts(bad.json().path("errors"), "path")).containsExactly("yearlyClosures[0]");
    }
}
