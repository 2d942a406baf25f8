package io.kioskfleet.jobs.sweeps;

import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceSelection;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.devices.DeviceSummary;
import io.kioskfleet.core.findings.Finding;
import io.kioskfleet.core.findings.FindingKind;
import io.kioskfleet.core.findings.OpenFindings;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.schedules.ScheduleKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Enrolled devices that have not checked in for longer than the threshold (or never since they
 * enrolled) become SILENT_DEVICE findings; a device that checks in again leaves the list at the
 * next sweep. Lost (locked) devices are followed on their own and are not flagged here.
 */
final class SilentDeviceSweep implements Sweep {

    private final RunRecords records;
    private final DeviceRegistry devices;
    private final PresenceRepository presence;
    private final OpenFindings findings;
    private final Clock clock;

    SilentDeviceSweep(RunRecords records, DeviceRegistry devices, PresenceRepository presence, OpenFindings findings,
                      Clock clock) {
        this.records = records;
        this.devices = devices;
        this.presence = presence;
        this.findings = findings;
        this.clock = clock;
    }

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.STALE_DEVICE_SWEEP;
    }

    @Override
    public Duration defaultThreshold() {
        return Duration.ofHours(24);
    }

    @Override
    public String sweep(JobRun run) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(thresholdOf(run));
        Map<String, Instant> lastSeen = presence.lastSeenByDevice();
        List<Finding> silent = new ArrayList<>();
        long looked = 0;
        try (Stream<DeviceSummary> fleet = devices.selected(new DeviceSelection(null, null, null), null)) {
            for (DeviceSummary device : (Iterable<DeviceSummary>) fleet::iterator) {
                if (device.status() != DeviceStatus.ENROLLED) {
                    continue;
                }
                looked++;
                Instant seen = lastSeen.get(device.id());
                if (seen == null || seen.isBefore(cutoff)) {
                    silent.add(Finding.of(FindingKind.SILENT_DEVICE, device.id(), device.id(), device.ouId(), seen, now,
                        run.id()));
                }
            }
        }
        int added = findings.replace(FindingKind.SILENT_DEVICE, silent);
        records.targets(run.id(), looked);
        records.found(run.id(), silent.size());
        return silent.size() + " of " + looked + " enrolled devices silent since before " + cutoff + " (" + added
            + " newly flagged)";
    }
}
