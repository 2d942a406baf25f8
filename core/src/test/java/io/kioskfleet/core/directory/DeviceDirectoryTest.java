package io.kioskfleet.core.directory;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.checkin.DevicesByLastSeen;
import io.kioskfleet.core.checkin.LastSeen;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceEdit;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.Inventory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device list served from memory answers as the store did, and follows every change. */
class DeviceDirectoryTest {

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    OrganisationUnit hq;
    OrganisationUnit north;
    OrganisationUnit northDesk;
    OrganisationUnit south;

    @BeforeEach
    void threeUnits() {
        fleet = CoreFixture.open(dataDir, clock);
        hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
        northDesk = fleet.units().create(ADMIN, new OuDraft("北部支所 窓口", north.id(), "北区1", 90));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", hq.id(), "南区2", 30));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private DeviceDirectory directoryOf(CoreFixture instance) {
        return new DeviceDirectory(instance.devices(), instance.protocol().presence(), instance.protocol().presenceWriter(),
            instance.notices(), new DevicesByLastSeen(instance.devices(), instance.protocol().presence(), clock,
            Duration.ofMinutes(15)), clock, Duration.ofMinutes(15), Duration.ZERO);
    }

    private Device laptop(String serial, OrganisationUnit unit, String model, String... tags) {
        return fleet.devices().preRegister(ADMIN, new DeviceDraft(serial, unit.id(), model, null, List.of(tags), null));
    }

    private static List<String> serials(Page<Device> page) {
        return page.items().stream().map(Device::serial).toList();
    }

    private List<String> serials(DeviceDirectory directory, DeviceQuery query, LastSeen lastSeen) {
        return serials(directory.search(ADMIN, query, lastSeen, new PageRequest(0, 50)));
    }

    @Test
    void filtersByUnitWithItsSubUnitsStatusTagAndTextAndPagesBySerialAsTheStoreDoes() {
        laptop("N-003", north, "ThinkPad L13", "窓口");
        laptop("N-001", northDesk, "Chromebook", "窓口", "shared");
        laptop("S-001", south, "ThinkPad X1");
        Device retired = laptop("N-002", north, "Chromebook");
        fleet.devices().retire(ADMIN, retired.id(), "broken", null);
        DeviceDirectory directory = directoryOf(fleet);
        assertThat(directory.loadAll()).isEqualTo(4);

        List<DeviceQuery> queries = List.of(DeviceQuery.everything(), new DeviceQuery(north.id(), true, null, null),
            new DeviceQuery(north.id(), false, null, null), new DeviceQuery(null, true, DeviceStatus.RETIRED, null),
            new DeviceQuery(null, true, null, "thinkpad"), new DeviceQuery(null, true, null, null, "窓口"),
            new DeviceQuery(hq.id(), true, DeviceStatus.PREREGISTERED, "n-00", "shared"));
        for (DeviceQuery query : queries) {
            assertThat(serials(directory, query, null)).as(query.toString())
                .isEqualTo(serials(fleet.devices().search(ADMIN, query, new PageRequest(0, 50))));
        }
        assertThat(serials(directory, new DeviceQuery(north.id(), true, null, null), null))
            .containsExactly("N-001", "N-002", "N-003");
        Page<Device> second = directory.search(ADMIN, DeviceQuery.everything(), null, new PageRequest(1, 3));
        assertThat(serials(second)).containsExactly("S-001");
        assertThat(second.total()).isEqualTo(4);
    }

    @Test
    void aBranchAdminListsOnlyTheirUnits() {
        laptop("N-001", northDesk, null);
        laptop("S-001", south, null);
        DeviceDirectory directory = directoryOf(fleet);
        directory.loadAll();

        assertThat(serials(directory.search(CoreFixture.branchAdminOf(north.id(), northDesk.id()), DeviceQuery.everything(),
            null, new PageRequest(0, 50)))).containsExactly("N-001");
        assertThat(serials(directory.search(CoreFixture.branchAdminOf(north.id(), northDesk.id()),
            new DeviceQuery(south.id(), true, null, null), null, new PageRequest(0, 50)))).isEmpty();
    }

    @Test
    void registrationsEditsAndRetirementsShowAtOnceHereAndAtTheNextPollOnAnotherInstance() {
        DeviceDirectory directory = directoryOf(fleet);
        directory.loadAll();
        try (CoreFixture other = fleet.anotherInstance()) {
            DeviceDirectory elsewhere = directoryOf(other);
            elsewhere.loadAll();

            Device device = laptop("N-010", north, "Chromebook");
            fleet.devices().edit(ADMIN, device.id(), new DeviceEdit(south.id(), null, null, List.of("予備"), null, 1L));

            DeviceQuery spares = new DeviceQuery(south.id(), true, null, null, "予備");
            assertThat(serials(directory, spares, null)).containsExactly("N-010");
            assertThat(serials(elsewhere, spares, null)).isEmpty();
            other.notices().poll();
            assertThat(serials(elsewhere, spares, null)).containsExactly("N-010");

            other.devices().retire(ADMIN, device.id(), "lost", null);
            fleet.notices().poll();
            assertThat(serials(directory, new DeviceQuery(null, true, DeviceStatus.RETIRED, null), null))
                .containsExactly("N-010");
        }
    }

    @Test
    void aCheckInMovesALaptopFromNeverSeenToOnlineOnceItIsWritten() {
        Device device = laptop("N-020", north, null);
        laptop("N-021", north, null);
        DeviceDirectory directory = directoryOf(fleet);
        directory.loadAll();
        LastSeen online = new LastSeen(LastSeen.Kind.ONLINE, 0);
        LastSeen never = new LastSeen(LastSeen.Kind.NEVER, 0);

        fleet.protocol().checkIns().checkIn(new AuthenticatedDevice(device.id(), north.id(), DeviceStatus.ENROLLED),
            new CheckInRequest(DeviceActivity.IDLE, new Inventory("ThinBook 14", "KioskOS 3.2", "1.0", null, 80,
                "192.168.10.23", "3F-A-12"), null), "10.0.0.7");
        assertThat(serials(directory, DeviceQuery.everything(), online)).isEmpty();
        fleet.protocol().presenceWriter().flush();

        assertThat(serials(directory, DeviceQuery.everything(), online)).containsExactly("N-020");
        assertThat(serials(directory, DeviceQuery.everything(), never)).containsExactly("N-021");
        clock.advance(Duration.ofHours(25));
        assertThat(serials(directory, DeviceQuery.everything(), new LastSeen(LastSeen.Kind.SILENT, 24)))
            .containsExactly("N-020");
    }
}
