package io.kioskfleet.core.tickets;

/** How urgent a ticket is; each priority has its own resolution target (see {@link SlaTargets}). */
public enum TicketPriority {
    /** A whole office cannot work. */
    P1,
    /** Several devices or one critical device. */
    P2,
    /** One device, people can work around it. */
    P3,
    /** A question or a wish. */
    P4
}
