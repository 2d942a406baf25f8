package io.kioskfleet.core.desks;

/** Where a booking is in its life. */
public enum BookingState {
    /** Its claims are being taken; it holds the desk only once CONFIRMED. */
    PENDING,
    /** The desk is the booker's for the slot. */
    CONFIRMED,
    /** The booker arrived (QR, web page, or a session started at the desk). */
    CHECKED_IN,
    /** The booker (or an admin) gave the desk back. */
    CANCELLED,
    /** Nobody checked in within the site's grace period; the desk was freed. */
    RELEASED,
    /** Another booking claimed an hour first; this one never held the desk. */
    REJECTED;

    /** True while the booking holds its desk. */
    public boolean holdsDesk() {
        return this == CONFIRMED || this == CHECKED_IN;
    }
}
