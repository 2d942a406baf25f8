package io.kioskfleet.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditApiTest extends RunningServiceTest {

    @Test
    void everyChangeIsChainedWithWhoWhatWhereBeforeAndAfter() {
        String branch = newBranch(15);
        String deviceId = admin.post("/api/v1/devices", "{\"serial\":\"" + unique("AUD") + "\",\"ouId\":\"" + branch + "\"}")
            .text("id");
        admin.post("/api/v1/devices/" + deviceId + "/retire", "{\"reason\":\"audit test\"}");

        JsonNode newest = admin.get("/api/v1/audit?size=5").json().path("items");
        JsonNode retire = newest.get(0);
        assertThat(retire.path("action").asString()).isEqualTo("device.retire");
        assertThat(retire.path("actor").asString()).isEqualTo("admin");
        assertThat(retire.path("sourceAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(retire.path("targetId").asString()).isEqualTo(deviceId);
        assertThat(retire.path("before").asString()).contains("\"status\":\"PREREGISTERED\"");
        assertThat(retire.path("after").asString()).contains("\"status\":\"RETIRED\"", "audit test");
        assertThat(retire.path("prevHash").asString()).isEqualTo(newest.get(1).path("hash").asString());
        assertThat(newest.get(1).path("action").asString()).isEqualTo("device.preregister");
    }

    @Test
    void theChainVerifies() {
        newBranch(5);
        Answer verification = admin.get("/api/v1/audit/verify");
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().path("intact").asBoolean()).isTrue();
        assertThat(verification.json().path("eventsChecked").asLong()).isPositive();
    }

    @Test
    void anAuditorSearchesWhoRetiredWhichDeviceAndContinuesInStretches() {
        String branch = newBranch(15);
        List<String> retired = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = admin.post("/api/v1/devices", "{\"serial\":\"" + unique("SRCH") + "\",\"ouId\":\"" + branch + "\"}")
                .text("id");
            admin.post("/api/v1/devices/" + id + "/retire", "{\"reason\":\"search test\"}");
            retired.add(id);
        }
        String today = java.time.Instant.now().minusSeconds(3600).toString();

        JsonNode first = admin.get("/api/v1/audit/search?actor=admin&action=device.retire&from=" + today + "&size=2").json();
        assertThat(each(first.path("items"), "targetId")).containsExactly(retired.get(2), retired.get(1));
        JsonNode rest = admin.get("/api/v1/audit/search?actor=admin&action=device.retire&from=" + today + "&size=2&before="
            + first.path("continueBefore").asLong()).json();
        assertThat(rest.path("items").get(0).path("targetId").asString()).isEqualTo(retired.get(0));

        JsonNode oneDevice = admin.get("/api/v1/audit/search?target=" + retired.get(0)).json().path("items");
        assertThat(each(oneDevice, "action")).containsExactly("device.retire", "device.preregister");
    }

    private static List<String> each(JsonNode items, String field) {
        List<String> values = new java.util.ArrayList<>();
        items.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    @Test
    void aSearchWithAPeriodThatEndsBeforeItStartsIsABadRequest() {
        Answer refused = admin.get("/api/v1/audit/search?from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("code").asString()).isEqualTo("before");
    }
}
