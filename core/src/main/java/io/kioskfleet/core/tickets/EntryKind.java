package io.kioskfleet.core.tickets;

/** What one line of a ticket's history records. */
public enum EntryKind {
    /** The ticket was raised. */
    RAISED,
    /** The same automatic cause was seen again on the same device (merged, not a new ticket). */
    RECURRED,
    /** A comment. */
    COMMENT,
    /** A state change. */
    STATE,
    /** Someone took the ticket. */
    CLAIMED,
    /** The handler gave it to someone else. */
    HANDED_OVER,
    /** The handler gave it back to the queue. */
    RELEASED,
    /** A remote command was issued to the device from the ticket. */
    REMOTE_COMMAND,
    /** An on-site visit was planned. */
    VISIT_PLANNED,
    /** Priority or category changed. */
    TRIAGE
}
