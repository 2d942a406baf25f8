package io.kioskfleet.core.tickets;

/**
 * Told about every change to a ticket, after its history line is stored; called again for the
 * same line after a crash, so what it does must be keyed by the line (the outbox is).
 */
@FunctionalInterface
public interface TicketEvents {

    /** Listens to nothing. */
    TicketEvents NONE = (ticket, line) -> { };

    /** {@code ticket} changed as {@code line} says. */
    void changed(Ticket ticket, TicketEntry line);
}
