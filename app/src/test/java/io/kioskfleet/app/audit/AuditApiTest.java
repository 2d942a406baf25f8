package io.kioskfleet.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
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
}
