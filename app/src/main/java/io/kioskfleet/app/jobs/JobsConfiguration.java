package io.kioskfleet.app.jobs;

import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.commands.CommandInbox;
import io.kioskfleet.core.commands.CommandRepository;
import io.kioskfleet.core.commands.OverdueCommands;
import io.kioskfleet.core.commands.RunCommands;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import io.kioskfleet.core.desks.ReleasingNoShows;
import io.kioskfleet.core.loans.OverdueLoanReminders;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.findings.Attention;
import io.kioskfleet.core.findings.OpenFindings;
import io.kioskfleet.core.jobruns.JobRunRepository;
import io.kioskfleet.core.jobruns.JobRuns;
import io.kioskfleet.core.jobruns.RunRecords;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.policies.EffectivePolicies;
import io.kioskfleet.core.retention.ExpiredMonths;
import io.kioskfleet.app.KioskFleetProperties;
import io.kioskfleet.core.evidence.ScheduledReports;
import io.kioskfleet.core.schedules.ScheduleRepository;
import io.kioskfleet.core.schedules.SchedulerLease;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.sessions.UnprovenWipes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.jobs.ReportTerms;
import io.kioskfleet.jobs.ScheduledJobs;
import io.kioskfleet.jobs.sweeps.Sweeps;
import io.kioskfleet.jobs.waves.Waves;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires job runs, waves and sweeps behind the {@code ScheduledWork} port the scheduler calls.
 * A firing may act only when the scheduler lease admits it (run now, or the current lease's
 * fencing token), so a deposed scheduler cannot start work.
 */
@Configuration
@EnableConfigurationProperties(JobsProperties.class)
public class JobsConfiguration {

    /** The month collections the retention purge drops once they are older than the retention period. */
    static final List<String> MONTHLY = List.of("sessions", "attestations", "refused_attestations", "faults");

    @Bean
    JobRunRepository jobRunRepository(FleetStore store) {
        return new JobRunRepository(store);
    }

    @Bean
    RunCommands runCommands(CommandRepository commands, CommandInbox inbox, Clock clock) {
        return new RunCommands(commands, inbox, clock);
    }

    @Bean
    RunRecords runRecords(JobRunRepository runs, RunCommands commands, AuditChain audit, Clock clock) {
        return new RunRecords(runs, commands, audit, clock);
    }

    @Bean
    JobRuns jobRuns(JobRunRepository runs, RunRecords records, RunCommands commands, AuditChain audit, Clock clock) {
        return new JobRuns(runs, records, commands, audit, clock);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService jobRunThreads(JobsProperties settings) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(settings.threads(), work -> {
            Thread thread = new Thread(work, "job-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    Waves waves(RunRecords records, RunCommands commands, DeviceRegistry devices, OrganisationUnits units,
                JobsProperties settings) {
        return new Waves(records, commands::issue, commands, devices, units, settings.commandExpiry());
    }

    @Bean
    ComplianceExceptions complianceExceptions(FleetStore store, ExecutorService jobRunThreads) {
        return new ComplianceExceptions(store, jobRunThreads);
    }

    @Bean
    OpenFindings openFindings(FleetStore store) {
        return new OpenFindings(store);
    }

    @Bean
    Attention attention(ComplianceExceptions exceptions, OpenFindings findings) {
        return new Attention(exceptions, findings);
    }

    @Bean
    Sweeps sweeps(FleetStore store, RunRecords records, SessionRepository sessions, ComplianceExceptions exceptions,
                  DeviceRegistry devices, PresenceRepository presence, CommandRepository commands, CommandInbox inbox,
                  OpenFindings findings, AuditChain audit, ReleasingNoShows noShows, EffectivePolicies policies,
                  Clock clock, OverdueLoanReminders loanReminders, ScheduledReports reports) {
        return new Sweeps(records, new UnprovenWipes(sessions, policies), exceptions, devices, presence,
            new OverdueCommands(commands, inbox, clock), findings, new ExpiredMonths(store, audit, MONTHLY, List.of(reports)),
            noShows, clock, loanReminders);
    }

    @Bean(destroyMethod = "close")
    ScheduledJobs scheduledJobs(RunRecords records, Waves waves, Sweeps sweeps, ScheduledReports reports,
                                ScheduleRepository schedules, KioskFleetProperties properties, SchedulerLease lease,
                                ExecutorService jobRunThreads, JobsProperties settings) {
        return new ScheduledJobs(records, waves, sweeps, reports,
            scheduleId -> ReportTerms.of(schedules.find(scheduleId), properties.timeZone()),
            lease::admits, jobRunThreads,
            settings.silence(), settings.checkEvery());
    }

    /** Once the service is up, carries on the runs an earlier stop interrupted. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> takeOverInterruptedRuns(ScheduledJobs jobs) {
        return ready -> jobs.takeOverInterrupted();
    }
}
