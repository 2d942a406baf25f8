package io.kioskfleet.core.tickets;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts time the way an SLA does: only office hours on working days. Tickets use
 * {@link OfficeHoursCalendar} (weekends and a configured holiday list) until the shared
 * Japanese holiday calendar (core/schedules) is wired in its place.
 */
public interface BusinessCalendar {

    /** The instant {@code businessTime} of office hours after {@code start}. */
    Instant plus(Instant start, Duration businessTime);

    /** The office hours between {@code from} and {@code to}; negative when {@code to} is earlier. */
    Duration between(Instant from, Instant to);
}
