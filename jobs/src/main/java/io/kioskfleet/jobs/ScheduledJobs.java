package io.kioskfleet.jobs;

import io.kioskfleet.core.background.RepeatingTask;
import io.kioskfleet.core.evidence.ScheduledReports;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduledFire;
import io.kioskfleet.core.schedules.ScheduledWork;
import io.kioskfleet.jobs.sweeps.Sweeps;
import io.kioskfleet.jobs.waves.Waves;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of every schedule kind, behind the {@link ScheduledWork} port: a firing becomes a job
 * run (once, by its run key), and the run's work is done on {@code executor}: waves by
 * {@link Waves}, evidence reports by {@link ScheduledReports}, every other kind by {@link Sweeps}.
 * Runs whose instance stopped are taken over and carried on, at start and every {@code checkEvery}.
 */
public final class ScheduledJobs implements ScheduledWork, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

    private final RunRecords records;
    private final Waves waves;
    private final Sweeps sweeps;
    private final ScheduledReports reports;
    private final Function<String, ReportTerms> reportTermsOf;
    private final Predicate<ScheduledFire> admitted;
    private final Executor executor;
    private final Duration silence;
    private final RepeatingTask takeOver;

    /**
     * @param reports        makes the evidence reports, of the period and zone {@code reportTermsOf} gives for a
     *                       schedule's id
     * @param admitted       whether a firing may act (SchedulerLease#admits: run now, or the current lease's token)
     * @param executor       where runs do their work
     * @param silence        how long a run under way may show no sign of life before another
     *                       instance (or this one, after a restart) takes it over
     * @param checkEvery     how often to look for such runs; {@link Duration#ZERO}: only when
     *                       {@link #takeOverInterrupted()} is called
     */
    public ScheduledJobs(RunRecords records, Waves waves, Sweeps sweeps, ScheduledReports reports,
                         Function<String, ReportTerms> reportTermsOf, Predicate<ScheduledFire> admitted, Executor executor,
                         Duration silence, Duration checkEvery) {
        this.records = records;
        this.waves = waves;
        this.sweeps = sweeps;
        this.reports = Objects.requireNonNull(reports, "reports");
        this.reportTermsOf = reportTermsOf;
        this.admitted = admitted;
        this.executor = executor;
        this.silence = silence;
        this.takeOver = new RepeatingTask(checkEvery, "take over interrupted job runs", this::takeOverInterrupted);
    }

    @Override
    public String start(ScheduledFire fire) {
        RunRecords.Opened opened = records.open(fire, admitted);
        if (opened.created()) {
            executor.execute(() -> {
                if (records.begin(opened.run().id())) {
                    carryOut(records.get(opened.run().id()));
                }
            });
        }
        return opened.run().id();
    }

    /**
     * Takes over the runs whose instance stopped (their work silent for longer than the silence
     * allowed) and carries each on from its progress record.
     *
     * @return how many were taken over
     */
    public int takeOverInterrupted() {
        int taken = 0;
        for (JobRun interrupted : records.takeOverSilent(silence)) {
            taken++;
            log.info("Taking over job run {} ({}), interrupted after {} chunks", interrupted.id(), interrupted.kind(),
                interrupted.chunksDone());
            executor.execute(() -> {
                if (records.resume(interrupted.id())) {
                    carryOut(records.get(interrupted.id()));
                }
            });
        }
        return taken;
    }

    private void carryOut(JobRun run) {
        try {
            if (run.isWave()) {
                waves.carryOut(run);
            } else if (run.kind() == ScheduleKind.EVIDENCE_REPORT) {
                records.complete(run.id(), report(run));
            } else {
                records.complete(run.id(), sweeps.sweep(run));
            }
        } catch (RuntimeException e) {
            // A wave left as it is will be taken up again; a sweep is cheap to fire again, so it fails.
            log.warn("Job run {} ({}) failed", run.id(), run.kind(), e);
            if (!run.isWave() || run.resumptions() >= Waves.MAX_RESUMPTIONS) {
                records.fail(run.id(), e.toString());
            }
        }
    }

    /** Makes the evidence report of the period before the run's planned time and says what it made. */
    private String report(JobRun run) {
        ReportTerms terms = reportTermsOf.apply(run.scheduleId());
        return reports.produce(run.id(), run.scheduleName(), terms.period(), terms.zone(), run.target().ouIds(),
            run.plannedTime()).detail();
    }

    /** Stops looking for interrupted runs. */
    @Override
    public void close() {
        takeOver.close();
    }
}
