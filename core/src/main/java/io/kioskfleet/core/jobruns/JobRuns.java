package io.kioskfleet.core.jobruns;

import com.mongodb.client.model.Updates;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.commands.RunCommands;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

/**
 * The admin's side of job runs: listing and reading them (fleet admins, helpdesk, auditors) and
 * cancelling one (fleet admins). Cancelling stops a wave from queuing further chunks and cancels
 * its commands not yet handed to their devices; it is written to the audit chain.
 */
public final class JobRuns {

    private static final Role[] READERS = {Role.FLEET_ADMIN, Role.HELPDESK, Role.AUDITOR};

    private final JobRunRepository runs;
    private final RunRecords records;
    private final RunCommands commands;
    private final AuditChain audit;
    private final Clock clock;

    public JobRuns(JobRunRepository runs, RunRecords records, RunCommands commands, AuditChain audit, Clock clock) {
        this.runs = runs;
        this.records = records;
        this.commands = commands;
        this.audit = audit;
        this.clock = clock;
    }

    /** One page of the runs matching {@code query}, newest first. */
    public Page<JobRun> search(Actor actor, JobRunQuery query, PageRequest page) {
        actor.requireAny(READERS);
        return runs.search(query, page);
    }

    /** One run. */
    public JobRun get(Actor actor, String id) {
        actor.requireAny(READERS);
        return runs.find(id).orElseThrow(() -> new NotFoundException("job run", id));
    }

    /**
     * Cancels a run under way, or a completed wave whose commands still wait for their spread
     * time: the run becomes CANCELLED and its commands not yet delivered are cancelled. Cancelling
     * a cancelled run changes nothing.
     */
    public JobRun cancel(Actor actor, String id) {
        actor.requireAny(Role.FLEET_ADMIN);
        JobRun current = get(actor, id);
        if (current.state() == JobRunState.CANCELLED) {
            return current;
        }
        boolean cancellable = !current.state().isFinal() || (current.state() == JobRunState.COMPLETED && current.isWave());
        if (!cancellable) {
            throw new ConflictException("job-run-not-cancellable", "job run " + id + " is " + current.state()
                + "; only a run under way or a completed wave can be cancelled");
        }
        Instant now = clock.instant();
        JobRun after = new JobRun(current.id(), current.runKey(), current.scheduleId(), current.scheduleName(),
            current.kind(), current.trigger(), current.plannedTime(), current.target(), current.spreadSeconds(),
            current.batchSize(), current.thresholdSeconds(), current.fencingToken(), JobRunState.CANCELLED,
            current.counts(), current.resumeAfter(), current.chunksDone(), current.resumptions(), current.startedAt(),
            current.heartbeatAt(), now, current.detail(), actor.username(), current.version() + 1);
        audit.record(actor, Change.changed("job-run.cancel", JobRunRepository.COLLECTION, "job-run", id,
            after.version(), current, after), () -> {
                if (!runs.move(id, EnumSet.of(current.state()), JobRunState.CANCELLED, Updates.set("finishedAt", now),
                    Updates.set("cancelledBy", actor.username()))) {
                    throw new ConflictException("job-run-changed", "job run " + id + " changed meanwhile; try again");
                }
            });
        if (current.isWave()) {
            records.cancelled(id, commands.cancelQueued(id));
        }
        return records.get(id);
    }
}
