package io.kioskfleet.app.policies;

import static io.kioskfleet.core.policies.PolicyTexts.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import io.kioskfleet.core.policies.PolicyTexts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The policy API over real HTTP, as a script or the console uses it. */
class PolicyApiTest extends RunningServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();


    private static String json(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsString(body);
    }

    private Answer create(String text) {
        return admin.post("/api/v1/policies", json("name", unique("policy"), "source", text));
    }

    private String published(String text) {
        String id = create(text).text("id");
        assertThat(admin.post("/api/v1/policies/" + id + "/publish", "").status()).isEqualTo(201);
        return id;
    }

    private Answer attach(ApiClient client, String ouId, String policyId) {
        return client.put("/api/v1/ous/" + ouId + "/policy", json("policyId", policyId));
    }

    private String subUnit(String parentId) {
        return admin.post("/api/v1/ous", json("name", unique("課"), "parentId", parentId, "address", "北区1-2-3")).text("id");
    }

    private String device(String ouId) {
        return admin.post("/api/v1/devices", json("serial", unique("SN"), "ouId", ouId)).text("id");
    }

    private static JsonNode setting(Answer effective, String key) {
        for (JsonNode setting : effective.json().path("settings")) {
            if (setting.path("key").asString().equals(key)) {
                return setting;
            }
        }
        throw new AssertionError("no setting " + key + " in " + effective.body());
    }

    @Test
    void anAdministratorWritesADraftInYamlAndPublishesItAsVersionOne() {
        Answer created = admin.postBytes("/api/v1/policies?name=" + unique("yaml"), "application/yaml",
            policy("yaml-draft", "session:\n  maxLengthMinutes: 180").getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("draftValid").asBoolean()).isTrue();

        Answer version = admin.post(created.location() + "/publish", json("version", 1));
        assertThat(version.status()).isEqualTo(201);
        assertThat(version.json().path("number").asInt()).isEqualTo(1);
        assertThat(admin.get(version.location()).text("source")).contains("maxLengthMinutes: 180");
    }

    @Test
    void publishingAnInvalidDraftIsRefusedWithEveryProblemInJapaneseAndEnglish() {
        Answer draft = create(policy("broken", "session:\n  maxLengthMinutes: 2\naccess:\n  networkZon: lgwan"));
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.json().path("draftValid").asBoolean()).isFalse();

        Answer refused = admin.post(draft.location() + "/publish", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("urn:kioskfleet:problem:validation");
        List<String> paths = new ArrayList<>();
        refused.json().path("errors").forEach(error -> {
            paths.add(error.path("path").asString());
            assertThat(error.path("message").asString()).isNotBlank();
            assertThat(error.path("messageJa").asString()).isNotBlank();
        });
        assertThat(paths).containsExactlyInAnyOrder("settings.session.maxLengthMinutes", "settings.access.networkZon");
        assertThat(admin.get(draft.location() + "/versions").json().size()).isZero();
    }

    @Test
    void concurrentPublishesGetDistinctVersionNumbers() {
        String id = create(policy("busy", "session:\n  maxLengthMinutes: 200")).text("id");
        List<CompletableFuture<Answer>> publishes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            publishes.add(CompletableFuture.supplyAsync(() -> admin.post("/api/v1/policies/" + id + "/publish", "")));
        }
        List<Integer> numbers = publishes.stream().map(CompletableFuture::join)
            .map(answer -> answer.json().path("number").asInt()).toList();
        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aPublishedVersionStaysAsItWasWhileTheDraftMovesOnAndCanBeRolledBackTo() {
        Answer created = create(policy("history", "session:\n  maxLengthMinutes: 240"));
        String id = created.text("id");
        admin.post("/api/v1/policies/" + id + "/publish", "");
        Answer edited = admin.put("/api/v1/policies/" + id, json("source",
            policy("history", "session:\n  maxLengthMinutes: 90\ndata:\n  printingAllowed: false"), "version", 1));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/policies/" + id, json("source", "{}", "version", 1)).status()).isEqualTo(409);
        admin.post("/api/v1/policies/" + id + "/publish", "");

        assertThat(admin.get("/api/v1/policies/" + id + "/versions/1").text("source")).contains("240");
        JsonNode diff = admin.get("/api/v1/policies/" + id + "/diff?from=1&to=2").json();
        List<String> changes = new ArrayList<>();
        diff.path("settings").forEach(change -> changes.add(change.path("key").asString() + " "
            + change.path("kind").asString() + " " + change.path("before") + "→" + change.path("after")));
        assertThat(changes).containsExactly("data.printingAllowed ADDED null→false",
            "session.maxLengthMinutes CHANGED 240→90");

        Answer rolledBack = admin.post("/api/v1/policies/" + id + "/rollback", json("toVersion", 1));
        assertThat(rolledBack.status()).isEqualTo(201);
        assertThat(rolledBack.json().path("number").asInt()).isEqualTo(3);
        assertThat(rolledBack.json().path("rolledBackFrom").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/policies/" + id + "/diff?from=1&to=latest").json().path("settings").size()).isZero();
    }

    @Test
    void aSubUnitCannotOverrideALockAndTheErrorNamesTheUnitThatLockedIt() {
        String branch = newBranch(30);
        String section = subUnit(branch);
        assertThat(attach(admin, branch, published(policy("branch", "data:\n  usbStorage: blocked", "data.usbStorage")))
            .status()).isEqualTo(200);

        Answer refused = attach(admin, section, published(policy("section", "data:\n  usbStorage: allowed")));

        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("path").asString()).isEqualTo("settings.data.usbStorage");
        assertThat(error.path("code").asString()).isEqualTo("lock.overridden");
        assertThat(error.path("message").asString()).contains(branch);
        assertThat(error.path("messageJa").asString()).contains(branch);
    }

    @Test
    void theEffectivePolicyShowsWhereEachValueComesFromForAUnitAndADevice() {
        String branch = newBranch(40);
        String section = subUnit(branch);
        attach(admin, branch, published(policy("branch", "session:\n  maxLengthMinutes: 300", "session.maxLengthMinutes")));
        attach(admin, section, published(policy("section", "session:\n  idleLogoutMinutes: 12")));
        String deviceId = device(section);

        Answer unit = admin.get("/api/v1/ous/" + section + "/effective-policy");
        assertThat(setting(unit, "session.maxLengthMinutes").path("origin").asString()).isEqualTo(branch);
        assertThat(setting(unit, "session.maxLengthMinutes").path("lockedBy").asString()).isEqualTo(branch);
        assertThat(setting(unit, "session.idleLogoutMinutes").path("origin").asString()).isEqualTo(section);
        assertThat(setting(unit, "data.usbStorage").path("origin").asString()).isEqualTo("default");

        Answer refused = admin.post("/api/v1/devices/" + deviceId + "/policy-exceptions", json("settings",
            Map.of("data.usbStorage", "allowed"), "expiresAt", Instant.now().minusSeconds(60).toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("path").asString()).isEqualTo("expiresAt");
        Answer granted = admin.post("/api/v1/devices/" + deviceId + "/policy-exceptions", json("settings",
            Map.of("data", Map.of("usbStorage", "allowed")), "expiresAt", Instant.now().plusSeconds(3600).toString(),
            "reason", "データ移行"));
        assertThat(granted.status()).isEqualTo(201);

        Answer onDevice = admin.get("/api/v1/devices/" + deviceId + "/effective-policy");
        assertThat(setting(onDevice, "data.usbStorage").path("origin").asString()).isEqualTo("device exception");
        assertThat(setting(onDevice, "session.maxLengthMinutes").path("origin").asString()).isEqualTo(branch);
        assertThat(onDevice.text("payloadEtag")).isNotEqualTo(unit.text("payloadEtag"));

        assertThat(admin.delete("/api/v1/devices/" + deviceId + "/policy-exceptions").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/devices/" + deviceId + "/effective-policy").text("payloadEtag"))
            .isEqualTo(unit.text("payloadEtag"));
    }

    @Test
    void aDryRunListsExactlyTheDevicesWhosePayloadWouldChange() {
        String branch = newBranch(15);
        String other = newBranch(15);
        String id = create(policy("dry", "session:\n  idleLogoutMinutes: 10")).text("id");
        admin.post("/api/v1/policies/" + id + "/publish", "");
        attach(admin, branch, id);
        String affected = device(branch);
        String shielded = device(branch);
        device(other);
        admin.post("/api/v1/devices/" + shielded + "/policy-exceptions", json("settings",
            Map.of("session.idleLogoutMinutes", 10), "expiresAt", Instant.now().plusSeconds(3600).toString()));
        admin.put("/api/v1/policies/" + id, json("source", policy("dry", "session:\n  idleLogoutMinutes: 20"), "version", 1));

        Answer preview = admin.post("/api/v1/policies/" + id + "/dry-run", "");

        assertThat(preview.status()).isEqualTo(200);
        List<String> devices = new ArrayList<>();
        preview.json().path("devices").forEach(device -> devices.add(device.path("id").asString()));
        assertThat(devices).containsExactly(affected);
        JsonNode unit = preview.json().path("ous").get(0);
        assertThat(unit.path("ouId").asString()).isEqualTo(branch);
        assertThat(unit.path("deviceCount").asInt()).isEqualTo(1);
        assertThat(unit.path("changes").get(0).path("key").asString()).isEqualTo("session.idleLogoutMinutes");
        assertThat(preview.json().path("ous").size()).isEqualTo(1);
    }

    @Test
    void aTextOverOneMebibyteIsRefusedWith413() {
        String huge = policy("huge", "device:\n  kioskApp: app") + "#" + "x".repeat(1024 * 1024);
        Answer refused = create(huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text("type")).isEqualTo("urn:kioskfleet:problem:too-large");
        assertThat(admin.postBytes("/api/v1/policies?name=" + unique("huge"), "text/yaml",
            huge.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(413);
    }

    @Test
    void aYamlAliasBombIsAValidationProblemNeverAServerError() {
        Answer draft = admin.postBytes("/api/v1/policies?name=" + unique("bomb"), "application/yaml",
            PolicyTexts.aliasBomb().getBytes(StandardCharsets.UTF_8));
        assertThat(draft.status()).isEqualTo(201);
        Answer refused = admin.post(draft.location() + "/publish", "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("messageJa").asString()).isNotBlank();
        Answer checked = admin.postBytes("/api/v1/policies/validate", "text/yaml",
            PolicyTexts.aliasBomb().getBytes(StandardCharsets.UTF_8));
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.json().path("valid").asBoolean()).isFalse();
    }

    @Test
    void aBranchAdminAttachesPoliciesToTheirOwnBranchButNotToAnother() {
        String own = newBranch(25);
        String another = newBranch(25);
        String id = published(policy("branch-own", "session:\n  idleLogoutMinutes: 20"));
        ApiClient branchAdmin = branchAdminOf(own);

        assertThat(attach(branchAdmin, own, id).status()).isEqualTo(200);
        Answer refused = attach(branchAdmin, another, id);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).isEqualTo("urn:kioskfleet:problem:forbidden");
        assertThat(branchAdmin.post("/api/v1/policies/" + id + "/publish", "").status()).isEqualTo(403);
        assertThat(branchAdmin.delete("/api/v1/ous/" + own + "/policy").status()).isEqualTo(204);
    }

    @Test
    void templatesAreOfferedToStartFrom() {
        Answer list = admin.get("/api/v1/policy-templates");
        assertThat(list.json().size()).isEqualTo(4);
        Answer guest = admin.get("/api/v1/policy-templates/ephemeral-guest");
        assertThat(guest.text("source")).contains("kind: Policy");
        assertThat(create(guest.text("source")).json().path("draftValid").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/policy-templates/nothing").status()).isEqualTo(404);
    }

    @Test
    void everyPolicyChangeIsInAnIntactAuditChain() {
        String branch = newBranch(10);
        String id = published(policy("audited", "session:\n  idleLogoutMinutes: 20"));
        attach(admin, branch, id);
        admin.delete("/api/v1/ous/" + branch + "/policy");

        List<String> actions = new ArrayList<>();
        admin.get("/api/v1/audit?size=10").json().path("items").forEach(event -> actions.add(event.path("action").asString()));
        assertThat(actions).containsSubsequence("policy.detach", "policy.attach", "policy.publish", "policy.create");
        assertThat(admin.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
    }
}
