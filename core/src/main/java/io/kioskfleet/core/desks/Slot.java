package io.kioskfleet.core.desks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a desk is booked: a date and the whole hours {@code [fromHour, toHour)} of the office day
 * (08:00–20:00 local time). A named kind fixes its hours; an hourly slot names them.
 *
 * @param date     the local date
 * @param kind     what kind of slot
 * @param fromHour the first hour booked (8–19)
 * @param toHour   the hour the booking ends (9–20), after {@code fromHour}
 */
public record Slot(LocalDate date, SlotKind kind, int fromHour, int toHour) {

    /** The office day opens at this hour. */
    public static final int OPENS = 8;
    /** Mornings end and afternoons start at this hour. */
    public static final int NOON = 13;
    /** The office day closes at this hour. */
    public static final int CLOSES = 20;

    public Slot {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (fromHour < OPENS || toHour > CLOSES || fromHour >= toHour) {
            throw new IllegalArgumentException("a slot's hours lie within " + OPENS + "–" + CLOSES + " and end after they start");
        }
    }

    /** The slot of {@code kind} on {@code date}; the hours count only for {@link SlotKind#HOURLY}. */
    public static Slot of(LocalDate date, SlotKind kind, int fromHour, int toHour) {
        return switch (kind) {
            case MORNING -> new Slot(date, kind, OPENS, NOON);
            case AFTERNOON -> new Slot(date, kind, NOON, CLOSES);
            case WHOLE_DAY -> new Slot(date, kind, OPENS, CLOSES);
            case HOURLY -> new Slot(date, kind, fromHour, toHour);
        };
    }

    /** The hours as bits (bit {@code h} set for hour {@code h}), to compare slots quickly. */
    public int hourMask() {
        return ((1 << toHour) - 1) & ~((1 << fromHour) - 1);
    }

    /** True when both slots share an hour of the same date. */
    public boolean overlaps(Slot other) {
        return date.equals(other.date) && (hourMask() & other.hourMask()) != 0;
    }

    /** When it starts, in {@code zone}. */
    public Instant start(ZoneId zone) {
        return date.atTime(fromHour, 0).atZone(zone).toInstant();
    }

    /** When it ends, in {@code zone}. */
    public Instant end(ZoneId zone) {
        return date.atTime(toHour, 0).atZone(zone).toInstant();
    }

    /** How many hours it spans. */
    public int hours() {
        return toHour - fromHour;
    }
}
