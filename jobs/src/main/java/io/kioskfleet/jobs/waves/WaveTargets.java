package io.kioskfleet.jobs.waves;

import io.kioskfleet.core.devices.DeviceSummary;
import io.kioskfleet.core.jobruns.JobRunState;
import io.kioskfleet.core.jobruns.RunRecords;
import java.util.Iterator;
import java.util.stream.Stream;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads a wave's target devices from one cursor, in id order after the run's progress record.
 * At each chunk boundary it looks whether the run was cancelled and, if so, ends the reading, so
 * a cancelled wave queues no further chunk.
 */
final class WaveTargets implements ItemReader<DeviceSummary>, AutoCloseable {

    private final Stream<DeviceSummary> devices;
    private final Iterator<DeviceSummary> next;
    private final RunRecords records;
    private final String runId;
    private final int batchSize;
    private long read;
    private boolean cancelled;

    WaveTargets(Stream<DeviceSummary> devices, RunRecords records, String runId, int batchSize) {
        this.devices = devices;
        this.next = devices.iterator();
        this.records = records;
        this.runId = runId;
        this.batchSize = batchSize;
    }

    @Override
    public DeviceSummary read() {
        if (read % batchSize == 0 && records.get(runId).state() == JobRunState.CANCELLED) {
            cancelled = true;
        }
        if (cancelled || !next.hasNext()) {
            return null;
        }
        read++;
        return next.next();
    }

    /** True when the reading ended because the run was cancelled. */
    boolean cancelled() {
        return cancelled;
    }

    @Override
    public void close() {
        devices.close();
    }
}
