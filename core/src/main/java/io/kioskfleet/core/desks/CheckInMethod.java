package io.kioskfleet.core.desks;

/** How a booker checked in, so facilities can see which ways are used. */
public enum CheckInMethod {
    /** Scanned the QR code on the desk. */
    QR,
    /** Pressed check-in on the web page. */
    WEB,
    /** Signed in to a laptop whose session reported this desk. */
    SESSION
}
