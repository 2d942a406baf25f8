package io.kioskfleet.console.tickets;

import io.kioskfleet.core.tickets.TicketCategory;
import io.kioskfleet.core.tickets.TicketPriority;
import io.kioskfleet.core.tickets.TicketState;
import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandType;
import java.time.LocalDate;

/** The bodies of the ticket API's actions. */
public final class TicketRequests {

    private TicketRequests() {
    }

    /** {@code POST …/hand-over}: to whom, and a note for them. */
    public record HandOver(String to, String note) {
    }

    /** {@code POST …/comments}. */
    public record Comment(String text) {
    }

    /** {@code POST …/transitions}: the next state and why. */
    public record Transition(TicketState state, String note) {
    }

    /** {@code POST …/triage}. */
    public record Triage(TicketPriority priority, TicketCategory category) {
    }

    /** {@code POST …/remote-actions}: the command and what it needs (a MESSAGE's text). */
    public record RemoteAction(CommandType type, CommandPayload payload) {
    }

    /** {@code POST …/visit}. */
    public record Visit(LocalDate plannedOn, String technician, String note) {
    }
}
