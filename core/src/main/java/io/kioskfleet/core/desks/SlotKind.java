package io.kioskfleet.core.desks;

/** The kinds of slot a desk is booked for; a site's limits say which ones its staff may use. */
public enum SlotKind {
    /** 08:00–13:00. */
    MORNING,
    /** 13:00–20:00. */
    AFTERNOON,
    /** 08:00–20:00. */
    WHOLE_DAY,
    /** Whole hours between 08:00 and 20:00, chosen by the booker. */
    HOURLY
}
