package io.kioskfleet.core.tickets;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.store.IndexBootstrap;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The ticket services on a test fleet, wired as the application wires them: office hours 8:30
 * to 17:15 in Tokyo, no holidays, the default SLA targets and no event listeners.
 *
 * @param repository the tickets' storage
 * @param tickets    the service
 */
public record TicketDesk(TicketRepository repository, Tickets tickets) {

    /** The ticket services on {@code fleet}, reading the time from {@code clock}. */
    public static TicketDesk on(CoreFixture fleet, Clock clock) {
        TicketRepository repository = new TicketRepository(fleet.store());
        new IndexBootstrap(fleet.store()).createAll(List.of(repository));
        OfficeHoursCalendar calendar = new OfficeHoursCalendar(ZoneId.of("Asia/Tokyo"), LocalTime.of(8, 30),
            LocalTime.of(17, 15), day -> false);
        return new TicketDesk(repository, new Tickets(repository, fleet.devices(), fleet.units(), fleet.commands().admin(),
            fleet.users(), fleet.audit(), calendar, SlaTargets.DEFAULT, TicketEvents.NONE, clock));
    }
}
