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
import java.util.ArrayList;
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
    void aLargeFleetResolvesQuickly() {
        // 1,000 OUs of depth 4 and 100 devices each; the budget is 2 s on 2 cores, the
        // assertion is looser so a busy build machine does not fail it.
        List<OuChain> leaves = new ArrayList<>();
        for (int city = 0; city < 10; city++) {
            for (int branch = 0; branch < 10; branch++) {
                for (int floor = 0; floor < 10; floor++) {
                    leaves.add(OuChain.of(
                        OuLevel.attached("root", policy("root", Map.of(), "wipe.onLogout")),
                        OuLevel.attached("c" + city, policy("c", Map.of(
                            "session.maxLengthMinutes", 60 + city))),
                        OuLevel.bare("c" + city + "b" + branch),
                        OuLevel.attached("c" + city + "b" + branch + "f" + floor,
                            policy("f", Map.of("session.idleLogoutMinutes", 10 + floor)))));
                }
            }
        }
        DeviceException exception = new DeviceException("dev_x",
            Map.of("data.printingAllowed", false), NOW.plusSeconds(60));
        long start = System.nanoTime();
        FleetPolicies fleet = new FleetPolicies();
        int devices = 0;
        for (OuChain leaf : leaves) {
            for (int d = 0; d < 100; d++, devices++) {
                fleet.payload(leaf, d == 0 ? Optional.of(exception) : Optional.empty(), NOW);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(devices).isEqualTo(100_000);
        assertThat(millis).isLessThan(10_000);
    }
}
