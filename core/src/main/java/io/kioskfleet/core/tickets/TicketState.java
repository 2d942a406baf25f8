package io.kioskfleet.core.tickets;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a ticket is in its life, and the explicit table of which state may follow which. A
 * ticket is open until CLOSED; RESOLVED may still be reopened (back to TRIAGED) or closed.
 */
public enum TicketState {
    /** Raised, nobody has looked at it yet. */
    NEW,
    /** Looked at: priority and category checked, a handler decides what to do. */
    TRIAGED,
    /** Being handled remotely (commands to the device, a call to the branch). */
    REMOTE_ACTION,
    /** Someone has to travel to the site. */
    ON_SITE_VISIT,
    /** Waiting for the branch, a supplier or a part. */
    WAITING,
    /** Fixed; the reporter may still say it is not. */
    RESOLVED,
    /** Done; a recurrence raises a new ticket. */
    CLOSED;

    private static final Map<TicketState, Set<TicketState>> NEXT = Map.of(
        NEW, EnumSet.of(TRIAGED, REMOTE_ACTION, ON_SITE_VISIT, WAITING, RESOLVED),
        TRIAGED, EnumSet.of(REMOTE_ACTION, ON_SITE_VISIT, WAITING, RESOLVED),
        REMOTE_ACTION, EnumSet.of(TRIAGED, ON_SITE_VISIT, WAITING, RESOLVED),
        ON_SITE_VISIT, EnumSet.of(REMOTE_ACTION, WAITING, RESOLVED),
        WAITING, EnumSet.of(TRIAGED, REMOTE_ACTION, ON_SITE_VISIT, RESOLVED),
        RESOLVED, EnumSet.of(TRIAGED, CLOSED),
        CLOSED, EnumSet.noneOf(TicketState.class));

    /** The states a handler may move a ticket to from this one. */
    public Set<TicketState> next() {
        return NEXT.get(this);
    }

    /** True when {@code to} may follow this state. */
    public boolean allows(TicketState to) {
        return NEXT.get(this).contains(to);
    }

    /** True until the ticket is closed. */
    public boolean open() {
        return this != CLOSED;
    }

    /** True while someone still has to act (neither resolved nor closed): the SLA clock runs. */
    public boolean active() {
        return this != RESOLVED && this != CLOSED;
    }
}
