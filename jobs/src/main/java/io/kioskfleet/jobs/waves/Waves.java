package io.kioskfleet.jobs.waves;

import io.kioskfleet.core.commands.RunCommands;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceSelection;
import io.kioskfleet.core.devices.DeviceSummary;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.schedules.ScheduleTarget;
import io.kioskfleet.protocol.commands.CommandType;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * Carries out a wave run (logout, wipe, logout-and-wipe, reboot) as a Spring Batch job with one
 * chunk-oriented step: the reader streams the target devices in id order from the run's progress
 * record on, the processor gives each its place in the spread window, the writer queues the
 * commands of the chunk and records the chunk done.
 *
 * <p>Each run gets its own {@link ResourcelessJobRepository}: Spring Batch's MongoDB repository
 * needs transactions, which the embedded store lacks, and the resourceless one holds the state of
 * one job only. What a restart needs is kept by the run record instead ({@code resumeAfter},
 * {@code chunksDone}); redoing the chunk a crash interrupted is harmless because each command's
 * issue key is unique per run and device.
 */
public final class Waves {

    /** How often an interrupted run is taken up again before it is given up as FAILED. */
    public static final int MAX_RESUMPTIONS = 3;
    private static final Logger log = LoggerFactory.getLogger(Waves.class);

    private final RunRecords records;
    private final ChunkIssuer issuer;
    private final RunCommands commands;
    private final DeviceRegistry devices;
    private final OrganisationUnits units;
    private final Duration commandExpiry;

    /**
     * @param issuer        queues a chunk's commands ({@code commands::issue} in the service)
     * @param commandExpiry how long each command may wait for its device after its spread time
     */
    public Waves(RunRecords records, ChunkIssuer issuer, RunCommands commands, DeviceRegistry devices,
                 OrganisationUnits units, Duration commandExpiry) {
        this.records = records;
        this.issuer = issuer;
        this.commands = commands;
        this.devices = devices;
        this.units = units;
        this.commandExpiry = commandExpiry;
    }

    /**
     * Queues the run's commands from where its progress record ends, then completes the run; a
     * cancelled run stops at the next chunk and its commands not yet delivered are cancelled.
     * A failure leaves the run as it is (its heartbeat stops), so it is taken up again later,
     * up to {@value #MAX_RESUMPTIONS} times.
     */
    public void carryOut(JobRun run) {
        CommandType type = WaveCommand.of(run.kind());
        if (type == null) {
            throw new IllegalArgumentException(run.kind() + " is not a wave");
        }
        DeviceSelection selection = selectionOf(run.target());
        if (selection == null) {
            records.complete(run.id(), "every unit the schedule names was removed; no device to reach");
            return;
        }
        long targets = run.counts().targets();
        if (run.chunksDone() == 0) {
            targets = devices.count(selection);
            records.targets(run.id(), targets);
        }
        SpreadWindow spread = new SpreadWindow(run.startedAt(), run.spreadWindow(),
            Math.max(1, (targets + run.batchSize() - 1) / run.batchSize()));
        RunCommands.RunOrder order = new RunCommands.RunOrder(run.id(), type, null,
            RunRecords.scheduleActor(run.scheduleId()).username(), commandExpiry);
        try (WaveTargets reader = new WaveTargets(devices.selected(selection, run.resumeAfter()), records, run.id(),
            run.batchSize())) {
            JobExecution execution = runJob(run, reader, placeIn(spread, run), writerOf(order, run.chunksDone()));
            finish(run, reader, execution);
        }
    }

    private void finish(JobRun run, WaveTargets reader, JobExecution execution) {
        if (reader.cancelled()) {
            records.cancelled(run.id(), commands.cancelQueued(run.id()));
        } else if (execution.getStatus() == BatchStatus.COMPLETED) {
            records.complete(run.id(), null);
        } else if (run.resumptions() >= MAX_RESUMPTIONS) {
            records.fail(run.id(), "gave up after " + MAX_RESUMPTIONS + " resumptions: " + firstFailure(execution));
        } else {
            log.warn("Wave run {} stopped ({}); it will be taken up again", run.id(), firstFailure(execution));
        }
    }

    private static String firstFailure(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().findFirst().map(Throwable::toString).orElse("no failure recorded");
    }

    /** The devices the target reaches; null when it named only units and none of them exists any more. */
    private DeviceSelection selectionOf(ScheduleTarget target) {
        Set<String> ouIds = new HashSet<>();
        for (String ouId : target.ouIds()) {
            if (units.exists(ouId)) {
                ouIds.addAll(units.subtreeOf(ouId));
            }
        }
        if (!target.ouIds().isEmpty() && ouIds.isEmpty() && target.tags().isEmpty() && target.deviceIds().isEmpty()) {
            // An empty selection would mean the whole fleet: a wave for vanished units reaches nothing instead.
            return null;
        }
        return new DeviceSelection(ouIds, target.tags(), target.deviceIds());
    }

    /** The processor: each device with its chunk's place in the spread window. */
    private static ItemProcessor<DeviceSummary, RunCommands.RunTarget> placeIn(SpreadWindow spread, JobRun run) {
        long[] position = {(long) run.chunksDone() * run.batchSize()};
        return device -> new RunCommands.RunTarget(device.id(), device.ouId(),
            spread.notBefore(position[0]++ / run.batchSize()));
    }

    /** The writer: queues the chunk's commands, then records the chunk done. */
    private Consumer<Chunk<? extends RunCommands.RunTarget>> writerOf(RunCommands.RunOrder order, int chunksDoneBefore) {
        int[] chunkNumber = {chunksDoneBefore};
        return chunk -> {
            List<RunCommands.RunTarget> targets = List.copyOf(chunk.getItems());
            issuer.issue(order, targets);
            if (!records.chunkDone(order.runId(), chunkNumber[0]++, targets.get(targets.size() - 1).deviceId(),
                targets.size())) {
                // Another instance took the run over while this one was too slow to show progress: it carries on.
                throw new IllegalStateException("wave run " + order.runId() + " was taken over by another instance");
            }
        };
    }

    private static JobExecution runJob(JobRun run, WaveTargets reader,
                                       ItemProcessor<DeviceSummary, RunCommands.RunTarget> processor,
                                       Consumer<Chunk<? extends RunCommands.RunTarget>> writer) {
        JobRepository repository = new ResourcelessJobRepository();
        Step step = new StepBuilder("queue-commands", repository)
            .<DeviceSummary, RunCommands.RunTarget>chunk(run.batchSize())
            .transactionManager(new ResourcelessTransactionManager())
            .reader(reader).processor(processor).writer(writer::accept)
            .build();
        Job job = new JobBuilder("wave", repository).start(step).build();
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository);
        operator.setJobRegistry(new MapJobRegistry());
        operator.setTaskExecutor(new SyncTaskExecutor());
        try {
            operator.afterPropertiesSet();
            return operator.start(job, new JobParametersBuilder().addString("runId", run.id()).toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException("Spring Batch could not start wave run " + run.id(), e);
        }
    }
}
