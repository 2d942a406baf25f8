package io.kioskfleet.core.tickets;

import io.kioskfleet.core.notifications.Outbox;
import io.kioskfleet.core.notifications.OutboxEvent;
import io.kioskfleet.protocol.canonical.CanonicalJson;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts every ticket change into the outbox as an event ({@code ticket.raised},
 * {@code ticket.claimed}, …) keyed by the ticket's history line, and ordered by its version, so
 * receivers get a ticket's events in the order they happened and a repeated write is one event.
 */
public final class TicketNotifications implements TicketEvents {

    private final Outbox outbox;

    public TicketNotifications(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The event type of a history line, e.g. {@code ticket.handed_over}. */
    public static String typeOf(EntryKind kind) {
        return "ticket." + kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void changed(Ticket ticket, TicketEntry line) {
        String type = typeOf(line.kind());
        Map<String, Object> body = new TreeMap<>();
        body.put("event", type);
        body.put("eventId", line.id());
        body.put("occurredAt", line.at());
        body.put("ticket", ticketFields(ticket));
        Map<String, Object> change = new HashMap<>();
        change.put("kind", line.kind());
        change.put("by", line.by());
        change.put("text", line.text());
        change.put("fromState", line.fromState());
        change.put("toState", line.toState());
        change.put("handler", line.handler());
        change.put("commandId", line.commandId());
        change.put("commandType", line.commandType());
        body.put("change", change);
        outbox.publish(new OutboxEvent(line.id(), type, ticket.id(), line.version(), line.at(), summary(ticket, line),
            CanonicalJson.write(body)));
    }

    private static Map<String, Object> ticketFields(Ticket ticket) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("id", ticket.id());
        fields.put("title", ticket.title());
        fields.put("state", ticket.state());
        fields.put("priority", ticket.priority());
        fields.put("category", ticket.category());
        fields.put("ouId", ticket.ouId());
        fields.put("deviceId", ticket.deviceId());
        fields.put("handler", ticket.handler());
        fields.put("dueAt", ticket.dueAt());
        fields.put("version", ticket.version());
        return fields;
    }

    private static String summary(Ticket ticket, TicketEntry line) {
        String who = line.handler() == null ? "" : " → " + line.handler();
        return "[KioskFleet] " + ticket.priority() + " " + ticket.id() + " 「" + ticket.title() + "」 "
            + line.kind() + " by " + line.by() + who + " (" + ticket.state() + ")";
    }
}
