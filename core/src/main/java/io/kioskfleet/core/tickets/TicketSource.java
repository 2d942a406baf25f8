package io.kioskfleet.core.tickets;

/** Who raised a ticket. */
public enum TicketSource {
    /** A staff member, from the device or the console. */
    STAFF,
    /** An admin or the help desk. */
    ADMIN,
    /** The service itself, from a fault report, a failed wipe, a failed command or a sweep. */
    AUTOMATIC
}
