package io.kioskfleet.policies.compile;

import static io.kioskfleet.policies.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.policies.inheritance.DeviceException;
import io.kioskfleet.policies.inheritance.OuChain;
import io.kioskfleet.policies.inheritance.OuLevel;
import io.kioskfleet.policies.inheritance.PolicyResolver;
import io.kioskfleet.protocol.policy.DevicePolicy;
import io.kioskfleet.protocol.policy.NetworkZone;
import io.kioskfleet.protocol.policy.UsbStorageMode;
import io.kioskfleet.protocol.policy.WipeArea;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetPoliciesTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    private final OuChain chain = OuChain.of(
        OuLevel.attached("ou_city", policy("city", Map.of(
            "session.scheduledLogoutTimes", List.of("22:00", "12:00"),
            "access.networkZone", "both"), "access.networkZone")),
        OuLevel.bare("ou_branch"));

    @Test
    void defaultsCompileToTheDocumentedPayload() {
        DevicePolicy payload = PolicyCompiler.compile(PolicyResolver.defaults());
        assertThat(payload.session().maxLengthMinutes()).isEqualTo(240);
        assertThat(payload.wipe().scope()).containsExactly(WipeArea.values());
        assertThat(payload.access().networkZone()).isEqualTo(NetworkZone.LGWAN);
        assertThat(payload.data().usbStorage()).isEqualTo(UsbStorageMode.BLOCKED);
        assertThat(payload.device().timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(payload.hasConsistentEtag()).isTrue();
    }

    @Test
    void compilationIsDeterministic() {
        DevicePolicy once = new FleetPolicies().payload(chain);
        DevicePolicy again = new FleetPolicies().payload(chain);
        assertThat(again).isEqualTo(once);
        assertThat(again.etag()).isEqualTo(once.etag());
        assertThat(once.session().scheduledLogoutTimes())
            .containsExactly(LocalTime.of(12, 0), LocalTime.of(22, 0));
    }

    @Test
    void devicesWithoutAnExceptionShareTheirOusCompiledPolicy() {
        FleetPolicies fleet = new FleetPolicies();
        DevicePolicy first = fleet.payload(chain, Optional.empty(), NOW);
        DevicePolicy second = fleet.payload(chain, Optional.empty(), NOW);
        assertThat(second).isSameAs(first);
    }

    @Test
    void deviceWithAnActiveExceptionGetsItsOwnPayloadUntilItExpires() {
        FleetPolicies fleet = new FleetPolicies();
        DeviceException usb = new DeviceException("dev_1",
            Map.of("data.usbStorage", "readOnly", "access.networkZone", "lgwan"),
            NOW.plusSeconds(60));

        DevicePolicy during = fleet.payload(chain, Optional.of(usb), NOW);
        DevicePolicy after = fleet.payload(chain, Optional.of(usb), NOW.plusSeconds(60));

        assertThat(during.data().usbStorage()).isEqualTo(UsbStorageMode.READ_ONLY);
        assertThat(during.access().networkZone()).isEqualTo(NetworkZone.BOTH);
        assertThat(during.etag()).isNotEqualTo(after.etag());
        assertThat(after).isSameAs(fleet.payload(chain));
    }

    @Test
    void aLongLivedInstanceServesANewPayloadAfterAParentsPolicyChanges() {
        FleetPolicies fleet = new FleetPolicies();
        OuChain before = OuChain.of(
            OuLevel.attached("ou_city", policy("city", Map.of("session.maxLengthMinutes", 120))),
            OuLevel.bare("ou_branch"));
        OuChain after = OuChain.of(
            OuLevel.attached("ou_city", policy("city", Map.of("session.maxLengthMinutes", 90))),
            OuLevel.bare("ou_branch"));

        DevicePolicy old = fleet.payload(before);
        DevicePolicy changed = fleet.payload(after, Optional.empty(), NOW);

        assertThat(old.session().maxLengthMinutes()).isEqualTo(120);
        assertThat(changed.session().maxLengthMinutes()).isEqualTo(90);
        assertThat(fleet.effective(after).setting("session.maxLengthMinutes").value())
            .isEqualTo(90L);
        assertThat(fleet.payload(after)).isSameAs(changed);
    }

    @Test
    void anOuMovedUnderAnotherParentGetsItsNewParentsPolicy() {
        FleetPolicies fleet = new FleetPolicies();
        OuLevel branch = OuLevel.attached("ou_branch", policy("branch", Map.of()));
        OuChain underCity = OuChain.of(OuLevel.attached("ou_city",
            policy("city", Map.of("data.usbStorage", "readOnly"))), branch);
        OuChain underTown = OuChain.of(OuLevel.attached("ou_town",
            policy("town", Map.of("data.usbStorage", "allowed"))), branch);

        assertThat(fleet.payload(underCity).data().usbStorage())
            .isEqualTo(UsbStorageMode.READ_ONLY);
        assertThat(fleet.payload(underTown).data().usbStorage())
            .isEqualTo(UsbStorageMode.ALLOWED);
    }

    @Test
    void anEqualPolicyReadAgainStillSharesTheCompiledPayload() {
        FleetPolicies fleet = new FleetPolicies();
        DevicePolicy first = fleet.payload(OuChain.of(OuLevel.attached("ou_city",
            policy("city", Map.of("session.maxLengthMinutes", 90)))));
        DevicePolicy again = fleet.payload(OuChain.of(OuLevel.attached("ou_city",
            policy("city", Map.of("session.maxLengthMinutes", 90)))));
        assertThat(again).isSameAs(first);
    }

    @Test
    void aFleetCompilesOncePerOuAndOncePerDeviceException() {
        // Speed is measured by bench/run PolicyResolutionBenchmark, not here; this checks the
        // sharing that makes it fast.
        FleetPolicies fleet = new FleetPolicies();
        OuChain floor = OuChain.of(
            OuLevel.attached("root", policy("root", Map.of(), "wipe.onLogout")),
            OuLevel.attached("city", policy("c", Map.of("session.maxLengthMinutes", 90))),
            OuLevel.bare("branch"),
            OuLevel.attached("floor", policy("f", Map.of("session.idleLogoutMinutes", 12))));
        DeviceException exception = new DeviceException("dev_x", Map.of("data.printingAllowed", false), NOW.plusSeconds(60));

        DevicePolicy plain = fleet.payload(floor, Optional.empty(), NOW);
        DevicePolicy excepted = fleet.payload(floor, Optional.of(exception), NOW);

        for (int device = 0; device < 100; device++) {
            assertThat(fleet.payload(floor, Optional.empty(), NOW)).isSameAs(plain);
        }
        assertThat(excepted.data().printingAllowed()).isFalse();
        assertThat(excepted.session().idleLogoutMinutes()).isEqualTo(12);
        assertThat(excepted.session().maxLengthMinutes()).isEqualTo(90);
        assertThat(plain.data().printingAllowed()).isNotEqualTo(excepted.data().printingAllowed());
    }
}
