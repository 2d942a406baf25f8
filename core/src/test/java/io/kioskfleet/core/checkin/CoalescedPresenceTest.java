package io.kioskfleet.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.Inventory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device that keeps checking in with nothing new is written once a minute, not at every check-in. */
class CoalescedPresenceTest {

    private static final String LAPTOP = "dev_01m8coalescedlaptop00";
    private static final Inventory INVENTORY = new Inventory("ThinBook 14", "KioskOS 3.2", "1.0", 12_000_000_000L, 87,
        "192.168.10.23", "3F-A-12");

    @TempDir
    Path dataDir;
    final SettableClock clock = SettableClock.at(Instant.parse("2026-11-23T01:00:00Z"));
    CoreFixture fleet;
    PresenceRepository stored;
    PresenceWriter writer;

    @BeforeEach
    void writerThatWritesUnchangedPresenceOnceAMinute() {
        fleet = CoreFixture.open(dataDir, clock);
        stored = new PresenceRepository(fleet.store());
        writer = new PresenceWriter(stored, Duration.ZERO, Duration.ofSeconds(60), clock);
    }

    @AfterEach
    void close() {
        writer.close();
        fleet.close();
    }

    @Test
    void unchangedCheckInsWaitInMemoryAndAreCountedWhenTheMinuteIsUp() {
        checkIn(DeviceActivity.IDLE, INVENTORY);
        assertThat(writer.flushDue()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(20));
        checkIn(DeviceActivity.IDLE, INVENTORY);
        clock.advance(Duration.ofSeconds(20));
        checkIn(DeviceActivity.IDLE, withBattery(60));
        assertThat(writer.flushDue()).as("nothing new but the battery: waits").isZero();
        assertThat(stored.find(LAPTOP).orElseThrow().checkIns()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(20));
        assertThat(writer.flushDue()).isEqualTo(1);
        DevicePresence presence = stored.find(LAPTOP).orElseThrow();
        assertThat(presence.checkIns()).isEqualTo(3);
        assertThat(presence.lastSeenAt()).isEqualTo(Instant.parse("2026-11-23T01:00:40Z"));
        assertThat(presence.inventory().batteryPercent()).isEqualTo(60);
        assertThat(presence.recentCheckIns()).hasSize(3);
    }

    @Test
    void aCheckInWithNewsIsWrittenWithTheNextFlush() {
        checkIn(DeviceActivity.IDLE, INVENTORY);
        writer.flushDue();

        clock.advance(Duration.ofSeconds(5));
        checkIn(DeviceActivity.IN_SESSION, INVENTORY);
        assertThat(writer.flushDue()).isEqualTo(1);
        assertThat(stored.find(LAPTOP).orElseThrow().activity()).isEqualTo(DeviceActivity.IN_SESSION);

        clock.advance(Duration.ofSeconds(5));
        checkIn(DeviceActivity.IN_SESSION, new Inventory("ThinBook 14", "KioskOS 3.2", "1.0", 12_000_000_000L, 87,
            "192.168.10.23", "4F-B-02"));
        assertThat(writer.flushDue()).as("moved to another desk").isEqualTo(1);
        assertThat(stored.find(LAPTOP).orElseThrow().inventory().currentDesk()).isEqualTo("4F-B-02");
    }

    @Test
    void aFullFlushWritesWhatWaitsWhetherDueOrNot() {
        checkIn(DeviceActivity.IDLE, INVENTORY);
        writer.flushDue();
        clock.advance(Duration.ofSeconds(10));
        checkIn(DeviceActivity.IDLE, INVENTORY);
        assertThat(writer.waiting()).isEqualTo(1);

        assertThat(writer.flush()).isEqualTo(1);
        assertThat(writer.waiting()).isZero();
        assertThat(stored.find(LAPTOP).orElseThrow().checkIns()).isEqualTo(2);
    }

    @Test
    void closingTheWriterWritesTheCheckInsThatWereNotDueYet() {
        checkIn(DeviceActivity.IDLE, INVENTORY);
        writer.flushDue();
        clock.advance(Duration.ofSeconds(10));
        checkIn(DeviceActivity.IDLE, INVENTORY);

        writer.close();
        assertThat(stored.find(LAPTOP).orElseThrow().checkIns()).isEqualTo(2);
    }

    @Test
    void aFlushOfMoreDevicesThanOneBulkWriteCarriesWritesThemAll() {
        int devices = 2 * PresenceRepository.WRITE_CHUNK + 7;
        checkInFleetOf(devices);

        assertThat(writer.flushDue()).isEqualTo(devices);
        assertThat(stored.lastSeenByDevice()).hasSize(devices).containsEntry("dev_fleet" + (devices - 1), clock.instant());
    }

    @Test
    void aFlushTakesItsDevicesOneBulkWriteAtATime() {
        int devices = 2 * PresenceRepository.WRITE_CHUNK + 7;
        checkInFleetOf(devices);
        List<Integer> waitingWhenWritten = new ArrayList<>();
        writer.whenWritten(written -> waitingWhenWritten.add(writer.waiting()));

        assertThat(writer.flushDue()).isEqualTo(devices);

        // While the first bulk write is reported, the devices of the others have not been taken yet.
        assertThat(waitingWhenWritten).hasSize(devices);
        assertThat(waitingWhenWritten.get(0)).isEqualTo(devices - PresenceRepository.WRITE_CHUNK);
        assertThat(waitingWhenWritten.get(devices - 1)).isZero();
    }

    @Test
    void aBulkWriteThatFailsPutsItsDevicesBackAndLeavesTheRestWaiting() {
        int devices = 2 * PresenceRepository.WRITE_CHUNK + 7;
        checkInFleetOf(devices);
        AtomicBoolean storeGone = new AtomicBoolean();
        writer.whenWritten(written -> {
            if (storeGone.compareAndSet(false, true)) {
                fleet.store().close(); // after the first bulk write: the second one fails
            }
        });

        assertThatThrownBy(writer::flushDue).isInstanceOf(RuntimeException.class);

        assertThat(writer.waiting()).isEqualTo(devices - PresenceRepository.WRITE_CHUNK);
    }

    @Test
    void unchangedPresenceOfAFleetWrittenTogetherComesDueSpreadOverTheLastQuarterOfTheMinute() {
        int devices = 200;
        checkInFleetOf(devices);
        writer.flushDue();
        checkInFleetOf(devices);

        clock.advance(Duration.ofSeconds(44));
        assertThat(writer.flushDue()).as("none before three quarters of the minute").isZero();
        clock.advance(Duration.ofSeconds(8));
        int early = writer.flushDue();
        clock.advance(Duration.ofSeconds(8));
        int late = writer.flushDue();
        assertThat(early).as("some in the first half of the last quarter").isBetween(1, devices - 1);
        assertThat(early + late).isEqualTo(devices);
    }

    /** One check-in, with the same news, of each of {@code devices} laptops {@code dev_fleet0}, {@code dev_fleet1}, … */
    private void checkInFleetOf(int devices) {
        for (int i = 0; i < devices; i++) {
            writer.note(new DevicePresence("dev_fleet" + i, clock.instant(), "10.0.0.7", DeviceActivity.IDLE, INVENTORY,
                "etag-1"));
        }
    }

    private void checkIn(DeviceActivity activity, Inventory inventory) {
        writer.note(new DevicePresence(LAPTOP, clock.instant(), "10.0.0.7", activity, inventory, "etag-1"));
    }

    private static Inventory withBattery(int percent) {
        return new Inventory(INVENTORY.model(), INVENTORY.osVersion(), INVENTORY.agentVersion(), INVENTORY.freeDiskBytes(),
            percent, INVENTORY.ipAddress(), INVENTORY.currentDesk());
    }
}
