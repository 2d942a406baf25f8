package io.kioskfleet.app.schedules;

import io.kioskfleet.app.KioskFleetProperties;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.calendar.JapaneseHolidays;
import io.kioskfleet.core.calendar.OfficeCalendar;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.schedules.FireLog;
import io.kioskfleet.core.schedules.ScheduleFiring;
import io.kioskfleet.core.schedules.ScheduleRepository;
import io.kioskfleet.core.schedules.ScheduledWork;
import io.kioskfleet.core.schedules.SchedulerLease;
import io.kioskfleet.core.schedules.Schedules;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.jobs.scheduling.FleetScheduler;
import io.kioskfleet.jobs.scheduling.MissedFires;
import io.kioskfleet.jobs.scheduling.SchedulerSettings;
import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires schedules: the office calendar, the schedules and their fire log, the scheduler lease, and
 * (unless {@code kioskfleet.scheduler.enabled=false}) this instance's scheduler. The work a fire
 * starts is the {@link ScheduledWork} bean when there is one, otherwise {@link UnconnectedWork}.
 */
@Configuration
@EnableConfigurationProperties(SchedulerProperties.class)
public class SchedulesConfiguration {

    @Bean
    OfficeCalendar officeCalendar(FleetStore store, AuditChain audit, Clock clock) {
        return new OfficeCalendar(store, new JapaneseHolidays(), audit, clock);
    }

    @Bean
    ScheduleRepository scheduleRepository(FleetStore store) {
        return new ScheduleRepository(store);
    }

    @Bean
    FireLog fireLog(FleetStore store) {
        return new FireLog(store);
    }

    @Bean
    SchedulerLease schedulerLease(FleetStore store, SchedulerProperties properties, Clock clock) {
        return new SchedulerLease(store, properties.leaseTtl(), clock);
    }

    @Bean
    ScheduleFiring scheduleFiring(FireLog fireLog, SchedulerLease lease, ObjectProvider<ScheduledWork> work, Clock clock) {
        return new ScheduleFiring(fireLog, lease, work.getIfAvailable(UnconnectedWork::new), clock);
    }

    @Bean
    Schedules schedules(ScheduleRepository repository, FireLog fireLog, ScheduleFiring firing, SchedulerLease lease,
                        OfficeCalendar calendar, OrganisationUnits units, DeviceRegistry devices, AuditChain audit,
                        Clock clock, KioskFleetProperties properties) {
        return new Schedules(repository, fireLog, firing, lease, calendar, units, devices, audit, clock,
            properties.timeZone());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnProperty(name = "kioskfleet.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    FleetScheduler fleetScheduler(ScheduleRepository repository, Schedules schedules, ScheduleFiring firing,
                                  FireLog fireLog, OfficeCalendar calendar, SchedulerLease lease,
                                  SchedulerProperties properties, Clock clock) {
        SchedulerSettings settings = new SchedulerSettings(instanceId(properties), properties.renewEvery(),
            properties.pollEvery(), properties.onTimeGrace(), properties.lookBack());
        return new FleetScheduler(repository, schedules, firing, new MissedFires(fireLog, firing, calendar), lease,
            settings, clock);
    }

    private static String instanceId(SchedulerProperties properties) {
        if (!properties.instanceId().isBlank()) {
            return properties.instanceId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
