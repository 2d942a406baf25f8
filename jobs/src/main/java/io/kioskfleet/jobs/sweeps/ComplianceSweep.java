package io.kioskfleet.jobs.sweeps;

import io.kioskfleet.core.compliance.ComplianceException;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.sessions.UnprovenWipes;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions ended more than the threshold ago without a proven wipe become compliance exceptions
 * (once per session); those still ENDED are marked UNVERIFIED. So do sessions that never ended:
 * still STARTED more than the threshold after their policy's longest session (they stay STARTED;
 * if one ends later its exception is not raised again). Only the sessions recorded as awaiting
 * proof are read, so a sweep costs what awaits proof, not what is stored; once a session's
 * exception is recorded it is not read again (unless it moves on, e.g. a lost session ends).
 */
final class ComplianceSweep implements Sweep {

    private static final int BATCH = 1000;

    private final RunRecords records;
    private final UnprovenWipes wipes;
    private final ComplianceExceptions exceptions;
    private final Clock clock;

    ComplianceSweep(RunRecords records, UnprovenWipes wipes, ComplianceExceptions exceptions, Clock clock) {
        this.records = records;
        this.wipes = wipes;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.COMPLIANCE_SWEEP;
    }

    @Override
    public Duration defaultThreshold() {
        return Duration.ofHours(1);
    }

    @Override
    public String sweep(JobRun run) {
        Instant now = clock.instant();
        Duration threshold = thresholdOf(run);
        Instant cutoff = now.minus(threshold);
        long[] found = {0};
        long[] raised = {0};
        List<Session> batch = new ArrayList<>(BATCH);
        wipes.forEachUnproven(now, threshold, session -> {
            batch.add(session);
            found[0]++;
            if (batch.size() == BATCH) {
                raised[0] += flush(batch, run, now);
            }
        });
        raised[0] += flush(batch, run, now);
        exceptions.followUpLater();
        records.targets(run.id(), found[0]);
        records.found(run.id(), raised[0]);
        return found[0] + " sessions ended before " + cutoff + " without a proven wipe or never ended; " + raised[0]
            + " new compliance exceptions";
    }

    /** Records the batch's exceptions first, then marks its sessions: a crash in between is mended by the next sweep. */
    private long flush(List<Session> batch, JobRun run, Instant now) {
        List<ComplianceException> found = batch.stream().map(session -> new ComplianceException(session.id(),
            session.deviceId(), session.ouId(), session.state() == SessionState.ENDED ? SessionState.UNVERIFIED
            : session.state(), session.endedAt(), now, run.id())).toList();
        int raised = exceptions.record(found);
        wipes.markUnverified(batch);
        batch.clear();
        return raised;
    }
}
