package io.kioskfleet.core.tickets;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a ticket stands against its SLA right now.
 *
 * @param dueAt           when it is breached unless resolved
 * @param businessMinutesLeft office minutes until then (negative once breached; 0 when resolved or closed)
 * @param dueSoon         true when less than the due-soon share of its target is left
 * @param breached        true when it is past due and still not resolved
 */
public record SlaStatus(Instant dueAt, long businessMinutesLeft, boolean dueSoon, boolean breached) {

    /** The status of {@code ticket} at {@code now}. */
    static SlaStatus of(Ticket ticket, Instant now, BusinessCalendar calendar, SlaTargets targets) {
        if (!ticket.state().active()) {
            return new SlaStatus(ticket.dueAt(), 0, false, false);
        }
        Duration left = calendar.between(now, ticket.dueAt());
        boolean breached = now.isAfter(ticket.dueAt());
        double share = (double) left.toSeconds() / targets.target(ticket.priority()).toSeconds();
        return new SlaStatus(ticket.dueAt(), left.toMinutes(), !breached && share < targets.dueSoonShare(), breached);
    }
}
