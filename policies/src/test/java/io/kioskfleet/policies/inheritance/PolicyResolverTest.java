package io.kioskfleet.policies.inheritance;

import static io.kioskfleet.policies.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyResolverTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    private final OuLevel city = OuLevel.attached("ou_city", policy("city",
        Map.of("session.maxLengthMinutes", 240, "wipe.onLogout", true), "wipe.onLogout"));
    private final OuLevel branch = OuLevel.attached("ou_branch", policy("branch",
        Map.of("session.maxLengthMinutes", 120, "wipe.onLogout", false)));
    private final OuLevel desk = OuLevel.bare("ou_desks");

    @Test
    void settingsNoOuSetsComeFromTheCatalogueDefaults() {
        EffectiveSetting zone = PolicyResolver.resolve(OuChain.of(city)).setting(
            "access.networkZone");
        assertThat(zone.value()).isEqualTo("lgwan");
        assertThat(zone.origin().label()).isEqualTo("default");
        assertThat(zone.locked()).isFalse();
    }

    @Test
    void childOverridesItsParentPerSettingAndPassesItOnToItsChildren() {
        EffectiveSetting length = PolicyResolver.resolve(OuChain.of(city, branch, desk))
            .setting("session.maxLengthMinutes");
        assertThat(length.value()).isEqualTo(120L);
        assertThat(length.origin()).isEqualTo(SettingOrigin.ou("ou_branch"));
    }

    @Test
    void childCannotOverrideASettingItsParentLocked() {
        EffectivePolicy effective = PolicyResolver.resolve(OuChain.of(city, branch, desk));
        EffectiveSetting wipe = effective.setting("wipe.onLogout");

        assertThat(wipe.value()).isEqualTo(true);
        assertThat(wipe.origin()).isEqualTo(SettingOrigin.ou("ou_city"));
        assertThat(wipe.lockedBy()).contains("ou_city");
        assertThat(effective.blockedOverrides()).containsExactly(new BlockedOverride(
            "wipe.onLogout", SettingOrigin.ou("ou_branch"), "ou_city"));
    }

    @Test
    void theFirstLockOnTheWayDownWins() {
        OuLevel relocks = OuLevel.attached("ou_branch", policy("branch", Map.of(),
            "wipe.onLogout", "session.maxLengthMinutes"));
        EffectivePolicy effective = PolicyResolver.resolve(OuChain.of(city, relocks));
        assertThat(effective.setting("wipe.onLogout").lockedBy()).contains("ou_city");
        assertThat(effective.setting("session.maxLengthMinutes").lockedBy())
            .contains("ou_branch");
    }

    @Test
    void anOuCanLockAnInheritedValueWithoutSettingIt() {
        OuLevel locksDefault = OuLevel.attached("ou_city",
            policy("city", Map.of(), "data.usbStorage"));
        EffectiveSetting usb = PolicyResolver.resolve(OuChain.of(locksDefault))
            .setting("data.usbStorage");
        assertThat(usb.origin()).isEqualTo(SettingOrigin.DEFAULT);
        assertThat(usb.lockedBy()).contains("ou_city");
    }

    @Test
    void activeDeviceExceptionOverridesUnlockedSettingsOnly() {
        EffectivePolicy ou = PolicyResolver.resolve(OuChain.of(city, branch));
        DeviceException exception = new DeviceException("dev_1",
            Map.of("data.usbStorage", "readOnly", "wipe.onLogout", false),
            NOW.plusSeconds(3600));

        EffectivePolicy device = PolicyResolver.applyException(ou, Optional.of(exception), NOW);

        assertThat(device.setting("data.usbStorage").value()).isEqualTo("readOnly");
        assertThat(device.setting("data.usbStorage").origin())
            .isEqualTo(SettingOrigin.DEVICE_EXCEPTION);
        assertThat(device.setting("data.usbStorage").origin().label())
            .isEqualTo("device exception");
        assertThat(device.setting("wipe.onLogout").value()).isEqualTo(true);
    }

    @Test
    void expiredDeviceExceptionIsIgnored() {
        EffectivePolicy ou = PolicyResolver.resolve(OuChain.of(city));
        DeviceException expired = new DeviceException("dev_1",
            Map.of("data.usbStorage", "allowed"), NOW);

        assertThat(PolicyResolver.applyException(ou, Optional.of(expired), NOW)).isSameAs(ou);
        assertThat(PolicyResolver.applyException(ou, Optional.of(expired), NOW.minusSeconds(1))
            .setting("data.usbStorage").value()).isEqualTo("allowed");
    }

    @Test
    void aDraftNamingASettingTheCatalogueDoesNotKnowIsRefusedByName() {
        EffectivePolicy parent = PolicyResolver.defaults();

        assertThatThrownBy(() -> PolicyResolver.applyDraft(parent, "ou_city",
            Map.of("session.maxLength", 60), List.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("session.maxLength");
        assertThatThrownBy(() -> PolicyResolver.applyDraft(parent, "ou_city", Map.of(),
            List.of("wipe.onLogot")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("wipe.onLogot");
    }

    @Test
    void aDraftGivenInPlainValuesResolvesLikeTheSameDocument() {
        EffectivePolicy fromDraft = PolicyResolver.applyDraft(PolicyResolver.defaults(),
            "ou_city", Map.of("session.maxLengthMinutes", 240, "wipe.onLogout", true),
            List.of("wipe.onLogout"));
        assertThat(fromDraft).isEqualTo(PolicyResolver.resolve(OuChain.of(city)));
    }
}
