package io.kioskfleet.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import java.nio.charset.StandardCharsets;

/** Policies for a test's own branch, made the way an admin makes them over the API. */
final class BranchPolicies {

    private BranchPolicies() {
    }

    /**
     * Creates the policy {@code name} of {@code settings} (the YAML under {@code settings:}, indented
     * two spaces), publishes it and attaches it to {@code ouId}.
     */
    static void publishFor(ApiClient admin, String ouId, String name, String settings) {
        String yaml = "apiVersion: kioskfleet/v1\nkind: Policy\nmetadata:\n  name: " + name + "\nsettings:\n" + settings;
        String policyId = admin.postBytes("/api/v1/policies?name=" + name + "-" + ouId, "application/yaml",
            yaml.getBytes(StandardCharsets.UTF_8)).text("id");
        assertThat(admin.post("/api/v1/policies/" + policyId + "/publish", "").status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/ous/" + ouId + "/policy", "{\"policyId\":\"" + policyId + "\"}").status())
            .isEqualTo(200);
    }
}
