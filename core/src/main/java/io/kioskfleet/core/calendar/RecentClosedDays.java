package io.kioskfleet.core.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Whether the offices are closed on a day (public holiday or closure), from a copy of the office
 * calendar at most {@code maxAge} old: business-hour arithmetic asks day by day, and closures
 * change a few times a year, so one store read per {@code maxAge} is plenty.
 */
public final class RecentClosedDays implements Predicate<LocalDate> {

    private final OfficeCalendar calendar;
    private final Duration maxAge;
    private final Clock clock;
    private volatile Copy copy;

    private record Copy(ClosedDays days, Instant readAt) {
    }

    public RecentClosedDays(OfficeCalendar calendar, Duration maxAge, Clock clock) {
        this.calendar = calendar;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public boolean test(LocalDate day) {
        Copy current = copy;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(maxAge).isBefore(now)) {
            current = new Copy(calendar.closedDays(), now);
            copy = current;
        }
        return current.days().isClosed(day);
    }
}
