package io.kioskfleet.jobs.sweeps;

import io.kioskfleet.core.commands.OverdueCommands;
import io.kioskfleet.core.findings.Finding;
import io.kioskfleet.core.findings.FindingKind;
import io.kioskfleet.core.findings.OpenFindings;
import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.schedules.ScheduleKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Commands not acknowledged within the threshold are escalated (an OVERDUE_COMMAND finding, on
 * the dashboard); those past their own expiry are then expired, which also ends their finding.
 * A command acknowledged meanwhile leaves the list at the next sweep.
 */
final class CommandEscalation implements Sweep {

    private final RunRecords records;
    private final OverdueCommands commands;
    private final OpenFindings findings;
    private final Clock clock;

    CommandEscalation(RunRecords records, OverdueCommands commands, OpenFindings findings, Clock clock) {
        this.records = records;
        this.commands = commands;
        this.findings = findings;
        this.clock = clock;
    }

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.COMMAND_ESCALATION;
    }

    @Override
    public Duration defaultThreshold() {
        return Duration.ofMinutes(30);
    }

    @Override
    public String sweep(JobRun run) {
        Instant now = clock.instant();
        OverdueCommands.Review review = commands.review(now.minus(thresholdOf(run)));
        List<Finding> overdue = review.overdue().stream().map(command -> Finding.of(FindingKind.OVERDUE_COMMAND,
            command.id(), command.deviceId(), command.ouId(),
            command.notBefore() == null ? command.issuedAt() : command.notBefore(), now, run.id())).toList();
        int escalated = findings.replace(FindingKind.OVERDUE_COMMAND, overdue);
        records.targets(run.id(), review.pending());
        records.found(run.id(), overdue.size());
        return review.pending() + " pending commands: " + overdue.size() + " overdue (" + escalated
            + " newly escalated), " + review.expired() + " expired";
    }
}
