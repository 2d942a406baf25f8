package io.kioskfleet.core.jobruns;

import com.mongodb.client.model.Updates;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.commands.RunCommands;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduledFire;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The work's side of job runs: recording a firing once (by its run key), refusing a firing of a
 * deposed scheduler, moving the run through its states, recording each chunk done, and finding
 * runs whose instance stopped. The admin's side is {@link JobRuns}.
 */
public final class RunRecords {

    private static final Set<JobRunState> UNDER_WAY =
        EnumSet.of(JobRunState.STARTING, JobRunState.RUNNING, JobRunState.INTERRUPTED);

    private final JobRunRepository runs;
    private final AuditChain audit;
    private final Clock clock;

    /** Also starts counting the progress of every run's commands as they move. */
    public RunRecords(JobRunRepository runs, RunCommands commands, AuditChain audit, Clock clock) {
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
        commands.whenMoved(new RunCounters(runs));
    }

    /** What {@link #open} found or made. */
    public record Opened(JobRun run, boolean created) {
    }

    /**
     * The run of {@code fire}: the one recorded already under its run key, or a new one (STARTING,
     * recorded in the audit chain as the schedule's action).
     *
     * @param tokenIsCurrent whether a fencing token is the scheduler lease's current one
     * @throws StaleFireException when the firing is new and its token is not current
     */
    public Opened open(ScheduledFire fire, LongPredicate tokenIsCurrent) {
        JobRun existing = runs.findByRunKey(fire.runKey()).orElse(null);
        if (existing != null) {
            return new Opened(existing, false);
        }
        if (!tokenIsCurrent.test(fire.fencingToken())) {
            throw new StaleFireException(fire.runKey(), fire.fencingToken());
        }
        JobRun run = JobRun.of(IdKind.JOB_RUN.newId(), fire, clock.instant());
        try {
            audit.record(scheduleActor(fire.scheduleId()),
                Change.created("job-run.start", JobRunRepository.COLLECTION, "job-run", run.id(), 1, run), () -> {
                    if (!runs.insert(run)) {
                        throw new ConflictException("run-exists", "the firing " + fire.runKey() + " was recorded meanwhile");
                    }
                });
        } catch (ConflictException raced) {
            return new Opened(runs.findByRunKey(fire.runKey()).orElseThrow(() -> raced), false);
        }
        return new Opened(run, true);
    }

    /** Who a schedule's work acts as, in the audit chain and as the issuer of its commands. */
    public static Actor scheduleActor(String scheduleId) {
        return new Actor("schedule:" + scheduleId, Set.of(), Set.of(), "local");
    }

    /** The run as stored now. */
    public JobRun get(String id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("job run", id));
    }

    /** The latest completed run of {@code kind} (a sweep starts where the last one left off). */
    public Optional<JobRun> lastCompleted(ScheduleKind kind) {
        return runs.lastCompleted(kind);
    }

    /** STARTING to RUNNING; false when the run was cancelled (or taken) meanwhile. */
    public boolean begin(String id) {
        return runs.move(id, EnumSet.of(JobRunState.STARTING), JobRunState.RUNNING,
            Updates.set("heartbeatAt", clock.instant()));
    }

    /** Records how many things the run targets (devices of a wave, records a sweep examines). */
    public void targets(String id, long count) {
        runs.setCount(id, "targets", count, clock.instant());
    }

    /** Records what a sweep found, in one go. */
    public void found(String id, long count) {
        runs.setCount(id, "queued", count, clock.instant());
    }

    /**
     * Records chunk number {@code chunkNumber} (from 0) as done, its last device and how many
     * commands of the run its devices now have; a chunk recorded before is not counted again.
     */
    public boolean chunkDone(String id, int chunkNumber, String lastDeviceId, long queued) {
        return runs.chunkDone(id, chunkNumber, lastDeviceId, queued, clock.instant());
    }

    /** Adds commands cancelled (by an admin's cancel) to the run's counts. */
    public void cancelled(String id, long count) {
        if (count > 0) {
            runs.count(id, Map.of("cancelled", count));
        }
    }

    /** The run's work is done; false when it was cancelled meanwhile. */
    public boolean complete(String id, String detail) {
        return runs.move(id, UNDER_WAY, JobRunState.COMPLETED, Updates.set("finishedAt", clock.instant()),
            Updates.set("detail", detail));
    }

    /** The run's work could not be done, for {@code reason}; false when it had ended meanwhile. */
    public boolean fail(String id, String reason) {
        return runs.move(id, UNDER_WAY, JobRunState.FAILED, Updates.set("finishedAt", clock.instant()),
            Updates.set("detail", reason));
    }

    /**
     * Runs under way whose work has not shown it is alive for {@code silence}: their instance
     * stopped. Each is marked INTERRUPTED and handed over to this instance, one instance per run;
     * the caller carries them on.
     */
    public List<JobRun> takeOverSilent(Duration silence) {
        Instant now = clock.instant();
        return runs.silentSince(now.minus(silence)).stream()
            .filter(silent -> runs.takeOver(silent, JobRunState.INTERRUPTED, now))
            .map(silent -> get(silent.id()))
            .toList();
    }

    /** INTERRUPTED to RUNNING again, counting the resumption; false when it was cancelled meanwhile. */
    public boolean resume(String id) {
        return runs.move(id, EnumSet.of(JobRunState.INTERRUPTED), JobRunState.RUNNING,
            Updates.set("heartbeatAt", clock.instant()), Updates.inc("resumptions", 1));
    }
}
