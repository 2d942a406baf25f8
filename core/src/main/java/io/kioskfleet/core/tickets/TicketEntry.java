package io.kioskfleet.core.tickets;

import io.kioskfleet.protocol.commands.CommandType;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One line of a ticket's history, written once and never changed: every change to a ticket
 * makes exactly one, keyed by the ticket and the version the change produced, so history
 * survives staff rotation and a repeated write of the same line is the same document.
 *
 * @param id          {@code <ticketId>/<version, 8 digits>}
 * @param ticketId    the ticket
 * @param version     the ticket version this change produced
 * @param kind        what happened
 * @param at          when
 * @param by          who did it ({@code system} for automatic changes)
 * @param text        a comment, a reason or a summary, or null
 * @param fromState   the state before a state change, or null
 * @param toState     the state after it (or the state the ticket is in), or null
 * @param handler     who handles the ticket after this change, or null
 * @param commandId   the command issued from the ticket, or null
 * @param commandType its type, or null
 */
public record TicketEntry(@BsonId String id, String ticketId, long version, EntryKind kind, Instant at, String by,
                          String text, TicketState fromState, TicketState toState, String handler, String commandId,
                          CommandType commandType) {

    public TicketEntry {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        id = keyOf(ticketId, version);
    }

    /** The key of the line a ticket's change to {@code version} wrote. */
    public static String keyOf(String ticketId, long version) {
        return ticketId + "/" + String.format(Locale.ROOT, "%08d", version);
    }

    /** A line about to be written by a change of the ticket; the version is set by {@link #at(long)}. */
    static TicketEntry of(EntryKind kind, Instant at, String by, String text) {
        return new TicketEntry(null, "pending", 0, kind, at, by, text, null, null, null, null, null);
    }

    TicketEntry states(TicketState from, TicketState to) {
        return new TicketEntry(id, ticketId, version, kind, at, by, text, from, to, handler, commandId, commandType);
    }

    TicketEntry command(String issuedId, CommandType type) {
        return new TicketEntry(id, ticketId, version, kind, at, by, text, fromState, toState, handler, issuedId, type);
    }

    /** The line as written by the change of {@code ticket} to {@code newVersion}. */
    TicketEntry forTicket(String ticket, long newVersion, String newHandler, TicketState state) {
        return new TicketEntry(null, ticket, newVersion, kind, at, by, text, fromState, toState == null ? state : toState,
            newHandler, commandId, commandType);
    }
}
