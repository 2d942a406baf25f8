package io.kioskfleet.core.schedules;

/** What a schedule does on Japanese public holidays and office closures. */
public enum HolidayRule {
    /** Do not fire on a holiday or closure (the planned time is simply not a fire time). */
    SKIP,
    /** Fire as on any other day. */
    RUN
}
