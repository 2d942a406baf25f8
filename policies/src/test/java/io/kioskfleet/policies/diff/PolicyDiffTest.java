package io.kioskfleet.policies.diff;

import static io.kioskfleet.policies.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.policies.document.PolicyDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyDiffTest {

    @Test
    void showsAddedRemovedAndChangedSettingsWithOldAndNewValues() {
        PolicyDocument before = policy("p", Map.of("session.maxLengthMinutes", 240,
            "data.printingAllowed", true, "wipe.scope", List.of("temp", "caches")),
            "wipe.onLogout");
        PolicyDocument after = policy("p", Map.of("session.maxLengthMinutes", 120,
            "device.pinRequired", true, "wipe.scope", List.of("caches", "temp")),
            "data.usbStorage");

        PolicyDiff diff = PolicyDiff.between(before, after);

        assertThat(diff.settings()).containsExactly(
            new SettingChange("data.printingAllowed", ChangeKind.REMOVED, true, null),
            new SettingChange("device.pinRequired", ChangeKind.ADDED, null, true),
            new SettingChange("session.maxLengthMinutes", ChangeKind.CHANGED, 240L, 120L));
        assertThat(diff.locks()).containsExactly(
            new LockChange("data.usbStorage", ChangeKind.ADDED),
            new LockChange("wipe.onLogout", ChangeKind.REMOVED));
    }

    @Test
    void sameMeaningIsNoChange() {
        PolicyDocument one = policy("p", Map.of("session.idleLogoutMinutes", 10));
        assertThat(PolicyDiff.between(one, policy("p", Map.of("session.idleLogoutMinutes", 10L))).isEmpty())
            .isTrue();
    }
}
