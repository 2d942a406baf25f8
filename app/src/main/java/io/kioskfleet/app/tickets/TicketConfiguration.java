package io.kioskfleet.app.tickets;

import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.calendar.OfficeCalendar;
import io.kioskfleet.core.calendar.RecentClosedDays;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import io.kioskfleet.core.findings.OpenFindings;
import io.kioskfleet.core.commands.CommandDelivery;
import io.kioskfleet.core.commands.DeviceCommands;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.faults.DeviceFaults;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.sessions.WipeAttestations;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.tickets.AutomaticTickets;
import io.kioskfleet.core.tickets.BusinessCalendar;
import io.kioskfleet.core.tickets.OfficeHoursCalendar;
import io.kioskfleet.core.tickets.SlaTargets;
import io.kioskfleet.core.tickets.TicketEvents;
import io.kioskfleet.core.tickets.TicketRepository;
import io.kioskfleet.core.tickets.Tickets;
import io.kioskfleet.core.users.UserAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires fault tickets: the ticket service, automatic tickets from device reports, the business calendar. */
@Configuration
@EnableConfigurationProperties(TicketProperties.class)
public class TicketConfiguration {

    @Bean
    TicketRepository ticketRepository(FleetStore store) {
        return new TicketRepository(store);
    }

    /**
     * Office hours on weekdays that are neither Japanese public holidays nor office closures (the
     * schedules' calendar, edited on the schedules page), nor the extra days configured here.
     */
    @Bean
    BusinessCalendar businessCalendar(TicketProperties properties, OfficeCalendar officeCalendar, Clock clock,
                                      @Value("${kioskfleet.time-zone:Asia/Tokyo}") ZoneId zone) {
        Set<LocalDate> extraDaysOff = Set.copyOf(properties.holidays());
        RecentClosedDays closed = new RecentClosedDays(officeCalendar, Duration.ofMinutes(1), clock);
        return new OfficeHoursCalendar(zone, properties.officeOpens(), properties.officeCloses(),
            day -> extraDaysOff.contains(day) || closed.test(day));
    }

    @Bean
    Tickets tickets(TicketRepository repository, DeviceRegistry devices, OrganisationUnits units, DeviceCommands commands,
                    UserAccounts users, AuditChain audit, BusinessCalendar calendar, TicketEvents events, Clock clock) {
        Tickets tickets = new Tickets(repository, devices, units, commands, users, audit, calendar, SlaTargets.DEFAULT,
            events, clock);
        tickets.completeInterruptedChanges();
        return tickets;
    }

    @Bean
    AutomaticTickets automaticTickets(Tickets tickets, TicketRepository repository, DeviceRegistry devices,
                                      AuditChain audit, Clock clock, DeviceFaults faults, WipeAttestations wipes,
                                      CommandDelivery delivery, ComplianceExceptions exceptions,
                                      OpenFindings findings) {
        AutomaticTickets automatic = new AutomaticTickets(tickets, repository, devices, audit, clock);
        automatic.listenTo(faults, wipes, delivery);
        automatic.listenTo(exceptions, findings);
        exceptions.followUpLater(); // what a crash left waiting
        return automatic;
    }
}
