package io.kioskfleet.core.tickets;

/**
 * Filters for the ticket queue; every field may be null (no filter).
 *
 * @param state     only this state (null: every open one)
 * @param priority  only this priority
 * @param ouId      only this site
 * @param handler   only tickets this user handles ({@code none}: unclaimed ones)
 * @param deviceId  only tickets about this device
 */
public record TicketQuery(TicketState state, TicketPriority priority, String ouId, String handler, String deviceId) {

    /** Every open ticket. */
    public static final TicketQuery OPEN = new TicketQuery(null, null, null, null, null);

    /** The value of {@code handler} that asks for unclaimed tickets. */
    public static final String UNCLAIMED = "none";

    boolean matches(Ticket ticket) {
        return (state == null ? ticket.state().open() : ticket.state() == state)
            && (priority == null || ticket.priority() == priority)
            && (ouId == null || ouId.equals(ticket.ouId()))
            && (deviceId == null || deviceId.equals(ticket.deviceId()))
            && (handler == null || (UNCLAIMED.equals(handler) ? ticket.handler() == null : handler.equals(ticket.handler())));
    }
}
