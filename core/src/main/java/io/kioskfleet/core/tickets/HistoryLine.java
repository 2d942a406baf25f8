package io.kioskfleet.core.tickets;

import io.kioskfleet.protocol.commands.CommandResult;
import io.kioskfleet.protocol.commands.CommandState;

/**
 * One line of a ticket's history as shown: the stored line and, for a remote command issued
 * from the ticket, that command's state and result as they are now (read when shown, so the
 * outcome appears on the ticket as soon as the device reports it).
 *
 * @param entry         the stored line
 * @param commandState  the command's state now, or null
 * @param commandResult what the device reported, or null
 */
public record HistoryLine(TicketEntry entry, CommandState commandState, CommandResult commandResult) {
}
