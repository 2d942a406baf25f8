package io.kioskfleet.protocol.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevicePolicyTest {

    private static DevicePolicy withTriggers(List<SessionEnd> triggers, List<String> blocked) {
        return DevicePolicy.of(
            new DevicePolicy.Session(240, 30, 5, List.of(LocalTime.of(17, 30)), triggers),
            new DevicePolicy.Wipe(true, List.of(WipeArea.DOWNLOADS, WipeArea.TEMP), List.of(),
                true, false),
            new DevicePolicy.Access(List.of(), blocked, NetworkZone.LGWAN, List.of("10.0.0.0/8")),
            new DevicePolicy.Data(false, List.of(".exe"), ClipboardMode.WITHIN_SESSION, true,
                UsbStorageMode.BLOCKED, false),
            new DevicePolicy.Device(false, 6, "", new LocalizedText("お知らせ", "Notice"),
                ZoneId.of("Asia/Tokyo"), "ja-JP",
                new MaintenanceWindow(LocalTime.of(2, 0), LocalTime.of(4, 0)),
                new LocalizedText("紛失", "Lost")));
    }

    @Test
    void sameContentInAnyOrderHasTheSameEtag() {
        DevicePolicy one = withTriggers(List.of(SessionEnd.IDLE, SessionEnd.TIMEOUT),
            List.of("https://b.example/*", "https://a.example/*"));
        DevicePolicy other = withTriggers(
            List.of(SessionEnd.TIMEOUT, SessionEnd.IDLE, SessionEnd.IDLE),
            List.of("https://a.example/*", "https://b.example/*"));

        assertThat(other).isEqualTo(one);
        assertThat(other.etag()).isEqualTo(one.etag()).hasSize(64);
        assertThat(one.hasConsistentEtag()).isTrue();
    }

    @Test
    void differentContentHasADifferentEtag() {
        DevicePolicy one = withTriggers(List.of(SessionEnd.IDLE), List.of());
        DevicePolicy other = withTriggers(List.of(SessionEnd.COMMAND), List.of());
        assertThat(other.etag()).isNotEqualTo(one.etag());
    }

    @Test
    void deviceDetectsAnEtagThatDoesNotNameTheContent() {
        DevicePolicy one = withTriggers(List.of(SessionEnd.IDLE), List.of());
        DevicePolicy forged = new DevicePolicy(one.session(), one.wipe(), one.access(),
            one.data(), one.device(), "0".repeat(64));
        assertThat(forged.hasConsistentEtag()).isFalse();
    }

    @Test
    void canonicalContentSpellsTimesAsHoursAndMinutes() {
        assertThat(withTriggers(List.of(SessionEnd.IDLE), List.of()).canonicalContent())
            .contains("\"scheduledLogoutTimes\":[\"17:30\"]")
            .contains("\"maintenanceWindow\":{\"end\":\"04:00\",\"start\":\"02:00\"}");
    }

    @Test
    void malformedEtagIsRefused() {
        DevicePolicy one = withTriggers(List.of(SessionEnd.IDLE), List.of());
        assertThatThrownBy(() -> new DevicePolicy(one.session(), one.wipe(), one.access(),
            one.data(), one.device(), "W/\"abc\"")).isInstanceOf(IllegalArgumentException.class);
    }
}
