package io.kioskfleet.core.checkin;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.checkin.DeviceActivity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IT staff find laptops by when they last checked in, and see a laptop's recent check-ins. */
class LastSeenTest {

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    PresenceWriter writer;
    DevicesByLastSeen byLastSeen;
    OrganisationUnit north;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir, clock);
        writer = fleet.protocol().presenceWriter();
        byLastSeen = new DevicesByLastSeen(fleet.devices(), fleet.protocol().presence(), clock, Duration.ofMinutes(15));
        OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private Device laptop(String serial) {
        return fleet.devices().preRegister(ADMIN, new DeviceDraft(serial, north.id(), null, null, List.of(), null));
    }

    private void checkIn(Device device, Instant at) {
        writer.note(new DevicePresence(device.id(), at, "10.0.0.7", DeviceActivity.IDLE, null, null));
    }

    private List<String> serials(LastSeen lastSeen) {
        return byLastSeen.search(ADMIN, DeviceQuery.everything(), lastSeen, new PageRequest(0, 50)).items().stream()
            .map(Device::serial).toList();
    }

    @Test
    void theListSplitsIntoOnlineSilentAndNeverSeenLaptops() {
        Device online = laptop("SN-ON");
        Device silent = laptop("SN-SILENT");
        laptop("SN-NEVER");
        checkIn(silent, clock.instant().minus(Duration.ofHours(30)));
        checkIn(online, clock.instant().minus(Duration.ofMinutes(3)));
        writer.flush();

        assertThat(serials(new LastSeen(LastSeen.Kind.ONLINE, 0))).containsExactly("SN-ON");
        assertThat(serials(new LastSeen(LastSeen.Kind.SILENT, 24))).containsExactly("SN-SILENT");
        assertThat(serials(new LastSeen(LastSeen.Kind.SILENT, 48))).isEmpty();
        assertThat(serials(new LastSeen(LastSeen.Kind.NEVER, 0))).containsExactly("SN-NEVER");
        assertThat(serials(null)).containsExactly("SN-NEVER", "SN-ON", "SN-SILENT");
    }

    @Test
    void aLaptopKeepsItsCountAndOnlyItsLastFewCheckIns() {
        Device device = laptop("SN-RING");
        Instant start = clock.instant();
        for (int i = 0; i < DevicePresence.RECENT + 5; i++) {
            checkIn(device, start.plusSeconds(60L * i));
            if (i % 4 == 0) {
                writer.flush();
            }
        }
        writer.flush();

        DevicePresence stored = fleet.protocol().presence().find(device.id()).orElseThrow();
        assertThat(stored.checkIns()).isEqualTo(DevicePresence.RECENT + 5);
        assertThat(stored.recentCheckIns()).hasSize(DevicePresence.RECENT)
            .startsWith(start.plusSeconds(60L * 5)).endsWith(start.plusSeconds(60L * (DevicePresence.RECENT + 4)));
        assertThat(stored.lastSeenAt()).isEqualTo(start.plusSeconds(60L * (DevicePresence.RECENT + 4)));
        assertThat(stored.sourceAddress()).isEqualTo("10.0.0.7");
    }

    @Test
    void silentForNoHoursIsRefused() {
        assertThatThrownBy(() -> new LastSeen(LastSeen.Kind.SILENT, 0)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("silentHours");
    }
}
