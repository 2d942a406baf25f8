package io.kioskfleet.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.Inventory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One device's presence kept between writes: counted, kept without the check-in's own copies, put back after a failed write. */
class PendingPresenceTest {

    static final Instant NINE = Instant.parse("2026-12-05T09:00:00Z");
    final SharedStrings shared = new SharedStrings();

    @Test
    void checkInsAreCountedAndTheLatestWinsWithTheLastTenTimes() {
        PendingPresence laptop = new PendingPresence("dev_1");
        for (int i = 0; i < 12; i++) {
            laptop.note(checkIn(NINE.plusSeconds(30L * i), 80 - i), shared);
        }

        PresenceUpdate update = laptop.take();

        assertThat(update.count()).isEqualTo(12);
        assertThat(update.latest().lastSeenAt()).isEqualTo(NINE.plusSeconds(330));
        assertThat(update.latest().inventory().batteryPercent()).isEqualTo(69);
        assertThat(update.times()).hasSize(DevicePresence.RECENT).startsWith(NINE.plusSeconds(60)).endsWith(NINE.plusSeconds(330));
        assertThat(laptop.take()).as("nothing waits after a take").isNull();
    }

    @Test
    void stringsTheFleetSharesAreKeptOnceAndEqualValuesAreNotKeptAgain() {
        PendingPresence first = new PendingPresence("dev_1");
        PendingPresence second = new PendingPresence("dev_2");
        first.note(checkIn(NINE, 80), shared);
        second.note(checkIn(NINE, 80), shared);
        first.note(checkIn(NINE.plusSeconds(30), 79), shared);

        Inventory one = first.take().latest().inventory();
        Inventory two = second.take().latest().inventory();

        assertThat(one.model()).isSameAs(two.model());
        assertThat(one.osVersion()).isSameAs(two.osVersion());
        assertThat(one.ipAddress()).isEqualTo("192.168.10.23");
    }

    @Test
    void anUpdateThatCouldNotBeWrittenWaitsAgainBeforeWhatCameSince() {
        PendingPresence laptop = new PendingPresence("dev_1");
        laptop.note(checkIn(NINE, 80), shared);
        laptop.note(checkIn(NINE.plusSeconds(30), 79), shared);
        PresenceUpdate failed = laptop.take();
        laptop.note(checkIn(NINE.plusSeconds(60), 78), shared);

        laptop.putBack(failed, shared);
        PresenceUpdate again = laptop.take();

        assertThat(again.count()).isEqualTo(3);
        assertThat(again.latest().lastSeenAt()).isEqualTo(NINE.plusSeconds(60));
        assertThat(again.times()).containsExactly(NINE, NINE.plusSeconds(30), NINE.plusSeconds(60));
    }

    @Test
    void aPutBackUpdateIsTheLatestWhenNothingCameSince() {
        PendingPresence laptop = new PendingPresence("dev_1");
        laptop.note(checkIn(NINE, 80), shared);
        PresenceUpdate failed = laptop.take();

        laptop.putBack(failed, shared);

        assertThat(laptop.isDue(NINE.toEpochMilli(), 60_000)).isTrue();
        assertThat(laptop.take().latest()).isEqualTo(failed.latest());
    }

    private static DevicePresence checkIn(Instant at, int battery) {
        return new DevicePresence("dev_1", at, "10.0.0.7", DeviceActivity.IDLE,
            new Inventory(new String("ThinBook 14"), new String("KioskOS 3.2"), "1.0", 12_000_000_000L, battery,
                "192.168.10.23", "3F-A-12"), "etag-1");
    }
}
