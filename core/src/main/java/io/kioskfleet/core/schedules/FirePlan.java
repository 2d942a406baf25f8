package io.kioskfleet.core.schedules;

import io.kioskfleet.core.calendar.ClosedDays;
import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * When a schedule fires: the times its cron expression or its times of day name, in its zone,
 * without the closed days when it skips them. The console's "next fires" and the scheduler both
 * plan with this, so what admins see is what fires.
 *
 * <p>Daylight saving: a time of day that does not exist on a spring-forward day (02:30 in New
 * York) fires at the same distance after the gap (03:30); a time of day that happens twice on a
 * fall-back day fires once, at its first occurrence. A cron expression follows Quartz's rules
 * (see docs/schedules.md for what they do in the gap and the overlap).
 */
public final class FirePlan {

    /** How far ahead a plan looks before it concludes a schedule never fires (every day closed, 30 February). */
    static final Duration HORIZON = Duration.ofDays(5 * 366);

    private final ZoneId zone;
    private final CronExpression cron;
    private final List<LocalTime> timesOfDay;
    private final Set<DayOfWeek> weekdays;
    private final ClosedDays closedDays;

    private FirePlan(ZoneId zone, CronExpression cron, List<LocalTime> timesOfDay, Set<DayOfWeek> weekdays,
                     ClosedDays closedDays) {
        this.zone = zone;
        this.cron = cron;
        this.timesOfDay = timesOfDay;
        this.weekdays = weekdays;
        this.closedDays = closedDays;
    }

    /** The plan of {@code schedule}; {@code closedDays} is used only when it skips holidays. */
    public static FirePlan of(Schedule schedule, ClosedDays closedDays) {
        return of(schedule.cron(), schedule.timesOfDay(), schedule.weekdays(), schedule.zone(),
            schedule.holidayRule() == HolidayRule.SKIP ? closedDays : ClosedDays.NONE);
    }

    /**
     * A plan from its parts; the caller has checked them ({@link #cronProblem}).
     *
     * @param cron       a Quartz cron expression, or null for times of day
     * @param timesOfDay {@code HH:mm}
     * @param weekdays   days the times apply on; empty: every day
     */
    static FirePlan of(String cron, List<String> timesOfDay, List<DayOfWeek> weekdays, ZoneId zone, ClosedDays closedDays) {
        CronExpression expression = null;
        if (cron != null) {
            try {
                expression = new CronExpression(cron);
            } catch (ParseException e) {
                throw new IllegalArgumentException("not a cron expression: " + cron, e);
            }
            expression.setTimeZone(TimeZone.getTimeZone(zone));
        }
        Set<DayOfWeek> days = weekdays.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(weekdays);
        return new FirePlan(zone, expression, timesOfDay.stream().map(LocalTime::parse).sorted().toList(), days, closedDays);
    }

    /** What is wrong with {@code cron} as a Quartz cron expression, or empty when it is fine. */
    static Optional<String> cronProblem(String cron) {
        try {
            new CronExpression(cron);
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            // Quartz throws unchecked exceptions for some malformed fields (e.g. "0 0 25 * * ?").
            return Optional.of(e.getMessage() == null ? "not a Quartz cron expression" : e.getMessage());
        }
    }

    /** The next {@code count} fire times strictly after {@code after} (fewer when it fires less within the horizon). */
    public List<Instant> after(Instant after, int count) {
        return between(after, after.plus(HORIZON), count);
    }

    /**
     * The fire times strictly after {@code from} and at or before {@code to}, oldest first, at
     * most {@code max} of them (the earliest ones).
     */
    public List<Instant> between(Instant from, Instant to, int max) {
        List<Instant> fires = new ArrayList<>();
        Instant cursor = from;
        while (fires.size() < max) {
            Optional<Instant> next = nextCandidate(cursor, to);
            if (next.isEmpty()) {
                break;
            }
            cursor = next.get();
            if (!closedDays.isClosed(cursor.atZone(zone).toLocalDate())) {
                fires.add(cursor);
            }
        }
        return fires;
    }

    /** The time of day or weekday it names, before closed days are taken out. */
    private Optional<Instant> nextCandidate(Instant after, Instant limit) {
        Instant next = cron != null ? nextByCron(after) : nextByTimeOfDay(after, limit);
        return next == null || next.isAfter(limit) ? Optional.empty() : Optional.of(next);
    }

    private Instant nextByCron(Instant after) {
        Date next = cron.getNextValidTimeAfter(Date.from(after));
        return next == null ? null : next.toInstant();
    }

    private Instant nextByTimeOfDay(Instant after, Instant limit) {
        if (timesOfDay.isEmpty()) {
            return null;
        }
        for (LocalDate date = after.atZone(zone).toLocalDate().minusDays(1); ; date = date.plusDays(1)) {
            if (date.atStartOfDay(zone).toInstant().isAfter(limit)) {
                return null;
            }
            if (!weekdays.contains(date.getDayOfWeek())) {
                continue;
            }
            Instant earliest = null;
            for (LocalTime time : timesOfDay) {
                // ZonedDateTime.of moves a time in a gap forward by the gap and takes the earlier offset in an overlap.
                Instant candidate = ZonedDateTime.of(date, time, zone).toInstant();
                if (candidate.isAfter(after) && (earliest == null || candidate.isBefore(earliest))) {
                    earliest = candidate;
                }
            }
            if (earliest != null) {
                return earliest;
            }
        }
    }
}
