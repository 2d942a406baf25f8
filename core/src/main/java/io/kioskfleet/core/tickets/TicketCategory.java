package io.kioskfleet.core.tickets;

/** What kind of problem a ticket is about, in the words a staff member would pick. */
public enum TicketCategory {
    /** The laptop itself: screen, keyboard, battery, will not start. */
    HARDWARE,
    /** Cannot reach the network or a service. */
    NETWORK,
    /** Sign-in or the guest session misbehaves. */
    SESSION,
    /** Data may have stayed on the device: a wipe failed or was not proven. */
    WIPE,
    /** A command or the device's management failed. */
    MANAGEMENT,
    /** Anything else. */
    OTHER
}
