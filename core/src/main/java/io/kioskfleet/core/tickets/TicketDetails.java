package io.kioskfleet.core.tickets;

import java.util.List;

/**
 * Everything the ticket page shows: the ticket with its SLA and site, and its whole history.
 *
 * @param view    the ticket, SLA and site
 * @param history every line, oldest first
 */
public record TicketDetails(TicketView view, List<HistoryLine> history) {
}
