package io.kioskfleet.core.tickets;

import java.util.Set;

/**
 * A ticket as shown in the queue and on its page: the ticket, where it stands against its SLA,
 * the site's name and travel time from headquarters, and the states it may move to next.
 *
 * @param ticket        the ticket
 * @param sla           its SLA status now
 * @param siteName      the name of its unit
 * @param travelMinutes travel time from headquarters to the site, one way (a visit costs twice that)
 * @param nextStates    the states the table allows next
 */
public record TicketView(Ticket ticket, SlaStatus sla, String siteName, int travelMinutes, Set<TicketState> nextStates) {
}
