package io.kioskfleet.core.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.policies.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerLeaseTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    SettableClock clock = SettableClock.at(Instant.parse("2026-11-23T00:00:00Z"));
    SchedulerLease lease;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir, clock);
        lease = new SchedulerLease(fleet.store(), Duration.ofSeconds(25), clock);
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void theFirstInstanceTakesTheLeaseAndTheSecondWaits() {
        assertThat(lease.take("a")).hasValue(1);
        assertThat(lease.take("b")).isEmpty();
        assertThat(lease.isCurrent(1)).isTrue();
    }

    @Test
    void aRenewedLeaseStaysWithItsHolder() {
        long token = lease.take("a").getAsLong();
        clock.advance(Duration.ofSeconds(20));
        assertThat(lease.renew("a", token)).hasValue(clock.instant().plusSeconds(25));
        clock.advance(Duration.ofSeconds(20));
        assertThat(lease.take("b")).isEmpty();
        assertThat(lease.isCurrent(token)).isTrue();
    }

    @Test
    void aLapsedLeaseIsTakenOverWithAHigherTokenAndTheOldOneIsRefused() {
        long old = lease.take("a").getAsLong();
        clock.advance(Duration.ofSeconds(26));
        assertThat(lease.isCurrent(old)).isFalse();
        OptionalLong taken = lease.take("b");
        assertThat(taken).hasValue(old + 1);
        assertThat(lease.renew("a", old)).isEmpty();
        assertThat(lease.isCurrent(old)).isFalse();
        assertThat(lease.isCurrent(taken.getAsLong())).isTrue();
        assertThat(lease.current()).hasValueSatisfying(state -> assertThat(state.holder()).isEqualTo("b"));
    }

    @Test
    void aReleasedLeaseCanBeTakenAtOnce() {
        long token = lease.take("a").getAsLong();
        lease.release("a", token);
        assertThat(lease.take("b")).hasValue(token + 1);
    }

    @Test
    void runNowIsAdmittedWithoutTheLeaseButAPlannedFireIsNot() {
        Schedule schedule = new Schedule("sch_1", "x", ScheduleKind.REBOOT, "0 0 3 * * ?", null, null, "Asia/Tokyo",
            HolidayRule.RUN, null, 0, 10, null, null, MisfireRule.SKIP, 30, true, clock.instant(), "t", clock.instant(), "t", 1);
        assertThat(lease.admits(schedule.fireAt(clock.instant(), FireTrigger.RUN_NOW, 0))).isTrue();
        assertThat(lease.admits(schedule.fireAt(clock.instant(), FireTrigger.ON_TIME, 0))).isFalse();
    }
}
