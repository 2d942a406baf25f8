package io.kioskfleet.jobs.sweeps;

import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.commands.OverdueCommands;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import io.kioskfleet.core.desks.ReleasingNoShows;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.findings.OpenFindings;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.loans.OverdueLoanReminders;
import io.kioskfleet.core.retention.ExpiredMonths;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.sessions.UnprovenWipes;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The sweeps a schedule can fire: compliance (sessions without a proven wipe), silent devices,
 * command escalation, retention purge, desk no-show release and overdue-loan reminders. Each is idempotent, so firing
 * one again only finds what is new.
 */
public final class Sweeps {

    private final Map<ScheduleKind, Sweep> byKind = new EnumMap<>(ScheduleKind.class);

    public Sweeps(RunRecords records, UnprovenWipes wipes, ComplianceExceptions exceptions, DeviceRegistry devices,
                  PresenceRepository presence, OverdueCommands commands, OpenFindings findings, ExpiredMonths months,
                  ReleasingNoShows noShows, Clock clock, OverdueLoanReminders loanReminders) {
        for (Sweep sweep : List.of(new ComplianceSweep(records, wipes, exceptions, clock),
            new SilentDeviceSweep(records, devices, presence, findings, clock),
            new CommandEscalation(records, commands, findings, clock),
            new RetentionPurge(records, months, clock),
            new NoShowRelease(records, noShows, clock),
            new OverdueLoanReminder(records, loanReminders, clock))) {
            byKind.put(sweep.kind(), sweep);
        }
    }

    /** True when a sweep of {@code kind} exists. */
    public boolean handles(ScheduleKind kind) {
        return byKind.containsKey(kind);
    }

    /** Carries out the sweep of the run's kind; returns what it did, in one sentence. */
    public String sweep(JobRun run) {
        Sweep sweep = byKind.get(run.kind());
        if (sweep == null) {
            throw new IllegalArgumentException(run.kind() + " has no sweep");
        }
        return sweep.sweep(run);
    }
}
