package io.kioskfleet.core.tickets;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link BusinessCalendar} of fixed office hours on weekdays that are not in a holiday list.
 *
 * @param zone     where the office is (Asia/Tokyo)
 * @param opens    when the office opens
 * @param closes   when it closes (after {@code opens})
 * @param holidays days off besides weekends (public holidays, year-end days)
 */
public record OfficeHoursCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<LocalDate> holidays)
    implements BusinessCalendar {

    /** Far enough for any SLA; stops a loop on a calendar with no working day at all. */
    private static final int MAX_DAYS = 3_660;

    public OfficeHoursCalendar {
        Objects.requireNonNull(zone, "zone");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("office hours must open before they close: " + opens + "-" + closes);
        }
        holidays = Set.copyOf(holidays);
    }

    /** True when the office is open on {@code day}. */
    public boolean workingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
            && !holidays.contains(day);
    }

    @Override
    public Instant plus(Instant start, Duration businessTime) {
        Duration left = businessTime;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!workingDay(day)) {
                continue;
            }
            ZonedDateTime open = max(day.atTime(opens).atZone(zone), start.atZone(zone));
            ZonedDateTime close = day.atTime(closes).atZone(zone);
            if (!open.isBefore(close)) {
                continue;
            }
            Duration today = Duration.between(open, close);
            if (left.compareTo(today) <= 0) {
                return open.plus(left).toInstant();
            }
            left = left.minus(today);
        }
        throw new IllegalStateException("no working day within " + MAX_DAYS + " days of " + start);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!workingDay(day)) {
                continue;
            }
            ZonedDateTime open = max(day.atTime(opens).atZone(zone), from.atZone(zone));
            ZonedDateTime close = min(day.atTime(closes).atZone(zone), to.atZone(zone));
            if (open.isBefore(close)) {
                total = total.plus(Duration.between(open, close));
            }
        }
        return total;
    }

    private static ZonedDateTime max(ZonedDateTime a, ZonedDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static ZonedDateTime min(ZonedDateTime a, ZonedDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
