package io.kioskfleet.app.desks;

import io.kioskfleet.app.KioskFleetProperties;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.desks.BookingRepository;
import io.kioskfleet.core.desks.DeskBookings;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.DeskClaims;
import io.kioskfleet.core.desks.DeskRemoval;
import io.kioskfleet.core.desks.DeskOccupancy;
import io.kioskfleet.core.desks.DeskRepository;
import io.kioskfleet.core.desks.DeskSessionCheckIn;
import io.kioskfleet.core.desks.ReleasingNoShows;
import io.kioskfleet.core.desks.SiteRepository;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.loans.LaptopLending;
import io.kioskfleet.core.loans.LoanRepository;
import io.kioskfleet.core.loans.OverdueLoanReminders;
import io.kioskfleet.core.notifications.Outbox;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.sessions.SessionLedger;
import io.kioskfleet.core.store.FleetStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires free-address desks (sites, desks, bookings, check-in, no-show release, occupancy) and laptop lending. */
@Configuration
public class DeskConfiguration {

    @Bean
    SiteRepository siteRepository(FleetStore store) {
        return new SiteRepository(store);
    }

    @Bean
    DeskRepository deskRepository(FleetStore store, Clock clock) {
        return new DeskRepository(store, clock);
    }

    @Bean
    BookingRepository bookingRepository(FleetStore store) {
        return new BookingRepository(store);
    }

    @Bean
    DeskClaims deskClaims(FleetStore store, Clock clock) {
        return new DeskClaims(store, clock);
    }

    @Bean
    DeskCatalogue deskCatalogue(SiteRepository sites, DeskRepository desks, OrganisationUnits units, AuditChain audit,
                                Clock clock) {
        return new DeskCatalogue(sites, desks, units, audit, clock);
    }

    @Bean
    DeskBookings deskBookings(DeskCatalogue catalogue, BookingRepository bookings, DeskClaims claims, OrganisationUnits units,
                              Clock clock, KioskFleetProperties properties) {
        return new DeskBookings(catalogue, bookings, claims, units, clock, properties.timeZone());
    }

    @Bean
    DeskRemoval deskRemoval(DeskCatalogue catalogue, BookingRepository bookings, Clock clock, KioskFleetProperties properties) {
        return new DeskRemoval(catalogue, bookings, clock, properties.timeZone());
    }

    @Bean
    ReleasingNoShows releasingNoShows(SiteRepository sites, BookingRepository bookings, DeskClaims claims,
                                      KioskFleetProperties properties) {
        return new ReleasingNoShows(sites, bookings, claims, properties.timeZone());
    }

    @Bean
    DeskOccupancy deskOccupancy(DeskCatalogue catalogue, BookingRepository bookings, OrganisationUnits units) {
        return new DeskOccupancy(catalogue, bookings, units);
    }

    @Bean
    DeskSessionCheckIn deskSessionCheckIn(DeskBookings bookings) {
        return new DeskSessionCheckIn(bookings);
    }

    @Bean
    LoanRepository loanRepository(FleetStore store) {
        return new LoanRepository(store);
    }

    @Bean
    LaptopLending laptopLending(LoanRepository loans, DeskCatalogue desks, DeviceRegistry devices, SessionLedger sessions,
                                OrganisationUnits units, AuditChain audit, Clock clock, KioskFleetProperties properties) {
        return new LaptopLending(loans, desks, devices, sessions, units, audit, clock, properties.timeZone());
    }

    @Bean
    OverdueLoanReminders overdueLoanReminders(FleetStore store, LoanRepository loans, Outbox outbox,
                                              KioskFleetProperties properties) {
        return new OverdueLoanReminders(store, loans, outbox, properties.timeZone());
    }
}
