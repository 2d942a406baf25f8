package io.kioskfleet.jobs.sweeps;

import io.kioskfleet.core.jobruns.JobRun;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.loans.OverdueLoanReminders;
import io.kioskfleet.core.schedules.ScheduleKind;
import java.time.Clock;
import java.time.Duration;

/**
 * Reminds of laptops kept past their due time, each loan once a day however often it fires. A
 * loan is overdue from its own due time, so the schedule's threshold is not used.
 */
final class OverdueLoanReminder implements Sweep {

    private final RunRecords records;
    private final OverdueLoanReminders reminders;
    private final Clock clock;

    OverdueLoanReminder(RunRecords records, OverdueLoanReminders reminders, Clock clock) {
        this.records = records;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public ScheduleKind kind() {
        return ScheduleKind.OVERDUE_LOAN_REMINDERS;
    }

    @Override
    public Duration defaultThreshold() {
        return Duration.ZERO;
    }

    @Override
    public String sweep(JobRun run) {
        int reminded = reminders.remind(clock.instant());
        records.found(run.id(), reminded);
        return "reminded of " + reminded + " overdue laptop loans";
    }
}
