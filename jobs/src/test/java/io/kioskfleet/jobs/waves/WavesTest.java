package io.kioskfleet.jobs.waves;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.commands.RunCommands;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.JobRunState;
import io.kioskfleet.core.jobruns.StaleFireException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.schedules.FireTrigger;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleTarget;
import io.kioskfleet.core.schedules.ScheduledFire;
import io.kioskfleet.jobs.JobsFixture;
import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.commands.DeviceCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logout and wipe waves on the real embedded store, started as the scheduler starts them. */
class WavesTest {

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    JobsFixture jobs;
    OrganisationUnit north;
    OrganisationUnit northAnnex;
    OrganisationUnit south;

    @BeforeEach
    void cityWithTwoBranches() {
        fleet = CoreFixture.open(dataDir, clock);
        jobs = JobsFixture.on(fleet, clock);
        OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
        northAnnex = fleet.units().create(ADMIN, new OuDraft("北部支所別館", north.id(), "北区2", 90));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", hq.id(), "南区1", 60));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private ScheduledFire fire(ScheduleKind kind, ScheduleTarget target, Duration window, int batchSize) {
        return new ScheduledFire("sch_evening", "夕方の消去", kind, target, window, batchSize, null,
            Instant.parse("2026-11-23T08:00:00Z"), FireTrigger.ON_TIME, 7);
    }

    private static ScheduleTarget unit(OrganisationUnit unit) {
        return new ScheduleTarget(List.of(unit.id()), List.of(), List.of());
    }

    @Test
    void logoutAndWipeWaveSendsOneWipeToEachDeviceOfTheBranchAndItsAnnex() {
        List<String> northLaptops = new ArrayList<>(jobs.enrolledLaptops(north, 5));
        northLaptops.addAll(jobs.enrolledLaptops(northAnnex, 3));
        List<String> southLaptops = jobs.enrolledLaptops(south, 4);

        String runId = jobs.jobs().start(fire(ScheduleKind.LOGOUT_AND_WIPE, unit(north), Duration.ZERO, 3));

        JobRun run = jobs.records().get(runId);
        assertThat(run.state()).isEqualTo(JobRunState.COMPLETED);
        assertThat(run.counts().targets()).isEqualTo(8);
        assertThat(run.counts().queued()).isEqualTo(8);
        assertThat(run.chunksDone()).isEqualTo(3);
        List<Document> commands = jobs.commandsOf(runId);
        assertThat(commands).extracting(command -> command.getString("deviceId"))
            .containsExactlyInAnyOrderElementsOf(northLaptops);
        assertThat(commands).extracting(command -> command.getString("type")).containsOnly("WIPE");
        assertThat(fleet.commands().delivery().deliver(jobs.signedIn(southLaptops.get(0)))).isEmpty();
        assertThat(fleet.commands().delivery().deliver(jobs.signedIn(northLaptops.get(0))))
            .extracting(DeviceCommand::type).containsExactly(CommandType.WIPE);
    }

    @Test
    void theSameFiringTwiceIsOneRunWithOneCommandPerDevice() {
        jobs.enrolledLaptops(south, 4);
        ScheduledFire fire = fire(ScheduleKind.LOGOUT_WAVE, ScheduleTarget.wholeFleet(), Duration.ZERO, 10);

        String first = jobs.jobs().start(fire);
        String again = jobs.jobs().start(fire);

        assertThat(again).isEqualTo(first);
        assertThat(jobs.commandsOf(first)).hasSize(4);
    }

    @Test
    void aDeposedSchedulerCannotStartAWave() {
        jobs.enrolledLaptops(south, 2);
        JobsFixture deposed = JobsFixture.on(fleet, clock, fire -> fire.fencingToken() >= 8, fleet.commands().runs()::issue);

        assertThatThrownBy(() -> deposed.jobs().start(fire(ScheduleKind.WIPE_WAVE, unit(south), Duration.ZERO, 10)))
            .isInstanceOf(StaleFireException.class);
        assertThat(fleet.store().collection("commands", Document.class).countDocuments()).isZero();
    }

    @Test
    void aWaveInterruptedMidChunkIsTakenOverAndEachDeviceEndsWithExactlyOneCommand() {
        List<String> laptops = jobs.enrolledLaptops(south, 23);
        AtomicInteger chunks = new AtomicInteger();
        RunCommands real = fleet.commands().runs();
        // The instance dies in its third chunk, after writing half of it.
        JobsFixture dying = JobsFixture.on(fleet, clock, JobsFixture.ADMIT_ALL, (order, targets) -> {
            if (chunks.incrementAndGet() == 3) {
                real.issue(order, targets.subList(0, targets.size() / 2));
                throw new IllegalStateException("the instance died");
            }
            return real.issue(order, targets);
        });

        String runId = dying.jobs().start(fire(ScheduleKind.LOGOUT_AND_WIPE, unit(south), Duration.ZERO, 5));
        JobRun interrupted = jobs.records().get(runId);
        assertThat(interrupted.state()).isEqualTo(JobRunState.RUNNING);
        assertThat(interrupted.chunksDone()).isEqualTo(2);
        assertThat(jobs.commandsOf(runId)).hasSize(12);

        clock.advance(Duration.ofMinutes(2));
        assertThat(jobs.jobs().takeOverInterrupted()).isEqualTo(1);

        JobRun resumed = jobs.records().get(runId);
        assertThat(resumed.state()).isEqualTo(JobRunState.COMPLETED);
        assertThat(resumed.resumptions()).isEqualTo(1);
        assertThat(resumed.counts().queued()).isEqualTo(23);
        assertThat(jobs.commandsOf(runId)).extracting(command -> command.getString("deviceId"))
            .containsExactlyInAnyOrderElementsOf(laptops);
        for (String laptop : laptops) {
            assertThat(fleet.commands().delivery().deliver(jobs.signedIn(laptop))).hasSize(1);
        }
    }

    @Test
    void theSpreadWindowHoldsLaterChunksBackAndTheRunCountsEachStep() {
        List<String> laptops = jobs.enrolledLaptops(south, 4);
        String runId = jobs.jobs().start(fire(ScheduleKind.REBOOT, unit(south), Duration.ofMinutes(20), 2));
        String first = laptops.get(0);
        String last = laptops.get(3);

        assertThat(fleet.commands().delivery().deliver(jobs.signedIn(last))).isEmpty();
        List<DeviceCommand> now = fleet.commands().delivery().deliver(jobs.signedIn(first));
        assertThat(now).extracting(DeviceCommand::type).containsExactly(CommandType.REBOOT);
        fleet.commands().delivery().acknowledge(jobs.signedIn(first), now.get(0).id());
        fleet.commands().delivery().report(jobs.signedIn(first), now.get(0).id(), new CommandResult(true, "restarted"),
            "10.0.0.1");

        clock.advance(Duration.ofMinutes(10));
        List<DeviceCommand> later = fleet.commands().delivery().deliver(jobs.signedIn(last));
        assertThat(later).hasSize(1);
        fleet.commands().delivery().report(jobs.signedIn(last), later.get(0).id(), new CommandResult(false, "busy"),
            "10.0.0.1");

        JobRun run = jobs.records().get(runId);
        assertThat(run.counts().delivered()).isEqualTo(2);
        assertThat(run.counts().acknowledged()).isEqualTo(2);
        assertThat(run.counts().succeeded()).isEqualTo(1);
        assertThat(run.counts().failed()).isEqualTo(1);
    }

    @Test
    void cancellingAWaveStopsItsChunksAndCancelsWhatIsNotDeliveredYet() {
        List<String> laptops = jobs.enrolledLaptops(south, 9);
        RunCommands real = fleet.commands().runs();
        AtomicInteger chunks = new AtomicInteger();
        JobsFixture[] cancelling = new JobsFixture[1];
        cancelling[0] = JobsFixture.on(fleet, clock, JobsFixture.ADMIT_ALL, (order, targets) -> {
            int issued = real.issue(order, targets);
            if (chunks.incrementAndGet() == 1) {
                cancelling[0].runs().cancel(ADMIN, order.runId());
            }
            return issued;
        });

        String runId = cancelling[0].jobs().start(fire(ScheduleKind.WIPE_WAVE, unit(south), Duration.ofMinutes(30), 3));

        JobRun run = jobs.records().get(runId);
        assertThat(run.state()).isEqualTo(JobRunState.CANCELLED);
        assertThat(run.cancelledBy()).isEqualTo(ADMIN.username());
        assertThat(run.chunksDone()).isEqualTo(1);
        assertThat(run.counts().cancelled()).isEqualTo(3);
        assertThat(jobs.commandsOf(runId)).extracting(command -> command.getString("state")).containsOnly("CANCELLED");
        clock.advance(Duration.ofHours(1));
        assertThat(fleet.commands().delivery().deliver(jobs.signedIn(laptops.get(0)))).isEmpty();
        assertThat(fleet.audit().forTarget(ADMIN, runId)).extracting(event -> event.action())
            .contains("job-run.start", "job-run.cancel");
    }

    @Test
    void everyKindHasWorkAndDoesItOnAnEmptyFleet() {
        for (ScheduleKind kind : ScheduleKind.values()) {
            JobRun run = jobs.records().get(jobs.jobs().start(fire(kind, ScheduleTarget.wholeFleet(), Duration.ZERO, 10)));
            assertThat(run.state()).as(kind + ": " + run.detail()).isEqualTo(JobRunState.COMPLETED);
        }
    }

    @Test
    void aNoShowReleaseRunCompletesSayingWhatItReleased() {
        String runId = jobs.jobs().start(fire(ScheduleKind.NO_SHOW_RELEASE, ScheduleTarget.wholeFleet(), Duration.ZERO, 10));

        JobRun run = jobs.records().get(runId);
        assertThat(run.state()).isEqualTo(JobRunState.COMPLETED);
        assertThat(run.detail()).startsWith("released 0 no-show bookings");
    }
}
