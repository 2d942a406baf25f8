package io.kioskfleet.core.calendar;

import io.kioskfleet.core.input.InputCheck;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The days the offices are closed besides public holidays: the same days every year (by default
 * the year-end and New Year break, 29 December to 3 January) and single dates (a local festival,
 * a move). Stored as one document in {@code office_calendar}.
 *
 * @param id             always {@link #ID}
 * @param yearlyClosures month-days closed every year, {@code MM-dd}
 * @param closedDates    single closed dates, {@code yyyy-MM-dd}
 * @param changedAt      when last changed (null: never, the defaults)
 * @param changedBy      who changed it
 * @param version        optimistic concurrency version (0: the defaults, not stored yet)
 */
public record OfficeClosures(@BsonId String id, List<String> yearlyClosures, List<String> closedDates,
                             java.time.Instant changedAt, String changedBy, long version) {

    /** The one document's id. */
    public static final String ID = "office";

    /** The year-end and New Year break most Japanese offices close for (年末年始). */
    public static final List<String> YEAR_END_BREAK = List.of("12-29", "12-30", "12-31", "01-01", "01-02", "01-03");

    static final int MAX_DATES = 1000;

    public OfficeClosures {
        Objects.requireNonNull(id, "id");
        yearlyClosures = yearlyClosures == null ? List.of() : List.copyOf(new TreeSet<>(yearlyClosures));
        closedDates = closedDates == null ? List.of() : List.copyOf(new TreeSet<>(closedDates));
    }

    /** What a store without a calendar document uses. */
    public static OfficeClosures defaults() {
        return new OfficeClosures(ID, YEAR_END_BREAK, List.of(), null, null, 0);
    }

    /** True when the offices are closed on {@code date} by this list (holidays are checked elsewhere). */
    public boolean closes(LocalDate date) {
        return yearly().contains(MonthDay.from(date)) || dates().contains(date);
    }

    Set<MonthDay> yearly() {
        Set<MonthDay> days = new TreeSet<>();
        yearlyClosures.forEach(day -> days.add(MonthDay.parse("--" + day)));
        return days;
    }

    Set<LocalDate> dates() {
        Set<LocalDate> days = new TreeSet<>();
        closedDates.forEach(day -> days.add(LocalDate.parse(day)));
        return days;
    }

    /** Checks what an admin sent: every entry must parse. */
    static void check(InputCheck check, List<String> yearlyClosures, List<String> closedDates) {
        check.require(yearlyClosures != null, "yearlyClosures", "must be a list (may be empty)");
        check.require(closedDates != null, "closedDates", "must be a list (may be empty)");
        if (yearlyClosures != null) {
            check.require(yearlyClosures.size() <= 366, "yearlyClosures", "must have at most 366 days");
            int i = 0;
            for (String day : yearlyClosures) {
                check.require(parses(() -> MonthDay.parse("--" + day)), "yearlyClosures[" + i++ + "]",
                    "must be a day of the year as MM-dd, e.g. 12-29");
            }
        }
        if (closedDates != null) {
            check.require(closedDates.size() <= MAX_DATES, "closedDates", "must have at most " + MAX_DATES + " dates");
            int i = 0;
            for (String day : closedDates) {
                check.require(parses(() -> LocalDate.parse(day)), "closedDates[" + i++ + "]",
                    "must be a date as yyyy-MM-dd, e.g. 2026-08-14");
            }
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }
}
