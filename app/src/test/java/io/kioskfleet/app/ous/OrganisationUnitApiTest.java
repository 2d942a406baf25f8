package io.kioskfleet.app.ous;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrganisationUnitApiTest extends RunningServiceTest {

    @Test
    void aBranchCreatedUnderHeadquartersShowsInTheTreeWithItsTravelTime() {
        String hq = headquartersId();
        String name = unique("山間支所");
        Answer created = admin.post("/api/v1/ous",
            "{\"name\":\"" + name + "\",\"parentId\":\"" + hq + "\",\"address\":\"山里町100\",\"travelMinutes\":120}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/ous/" + created.text("id"));
        assertThat(created.text("kind")).isEqualTo("BRANCH");

        JsonNode tree = admin.get("/api/v1/ous?view=tree").json();
        List<String> childNames = new ArrayList<>();
        tree.get(0).path("children").forEach(child -> childNames.add(child.path("name").asString()));
        assertThat(tree.get(0).path("id").asString()).isEqualTo(hq);
        assertThat(childNames).contains(name);
        assertThat(admin.get("/api/v1/ous/" + created.text("id")).json().path("travelMinutes").asInt()).isEqualTo(120);
    }

    @Test
    void aSecondHeadquartersIsAConflict() {
        headquartersId();
        Answer second = admin.post("/api/v1/ous", "{\"name\":\"" + unique("別館") + "\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.text("type")).isEqualTo("urn:kioskfleet:problem:headquarters-exists");
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedWithTheCurrentVersion() {
        String branch = newBranch(30);
        String hq = headquartersId();
        Answer first = admin.put("/api/v1/ous/" + branch,
            "{\"name\":\"" + unique("改名") + "\",\"parentId\":\"" + hq + "\",\"address\":\"x\",\"travelMinutes\":31,\"version\":1}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("version").asLong()).isEqualTo(2);

        Answer stale = admin.put("/api/v1/ous/" + branch,
            "{\"name\":\"" + unique("改名") + "\",\"parentId\":\"" + hq + "\",\"address\":\"y\",\"travelMinutes\":32,\"version\":1}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("type")).isEqualTo("urn:kioskfleet:problem:stale-version");
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(2);
    }

    @Test
    void aChangeWithoutTheVersionReadIsRefused() {
        String branch = newBranch(30);
        Answer answer = admin.put("/api/v1/ous/" + branch,
            "{\"name\":\"x\",\"parentId\":\"" + headquartersId() + "\",\"address\":\"x\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("path").asString()).isEqualTo("version");
    }

    @Test
    void anEmptyBranchCanBeRemovedButNotOneWithDevices() {
        String empty = newBranch(10);
        assertThat(admin.delete("/api/v1/ous/" + empty + "?version=1").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/ous/" + empty).status()).isEqualTo(404);

        String occupied = newBranch(10);
        admin.post("/api/v1/devices", "{\"serial\":\"" + unique("SN") + "\",\"ouId\":\"" + occupied + "\"}");
        Answer refused = admin.delete("/api/v1/ous/" + occupied + "?version=1");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:kioskfleet:problem:ou-has-devices");
    }
}
