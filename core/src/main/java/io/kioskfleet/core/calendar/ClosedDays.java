package io.kioskfleet.core.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The days a schedule that skips holidays does not fire on: Japanese public holidays and the
 * offices' closures, as they stood when this was taken.
 */
public record ClosedDays(JapaneseHolidays holidays, OfficeClosures closures) {

    /** No day is closed: for schedules that run on holidays too. */
    public static final ClosedDays NONE = new ClosedDays(null, null);

    /** True when the offices are closed on {@code date}. */
    public boolean isClosed(LocalDate date) {
        return whyClosed(date).isPresent();
    }

    /** Why {@code date} is closed: the holiday's Japanese name, or "office closure"; empty when open. */
    public Optional<String> whyClosed(LocalDate date) {
        if (holidays == null) {
            return Optional.empty();
        }
        Optional<Holiday> holiday = holidays.holidayOn(date);
        if (holiday.isPresent()) {
            return Optional.of(holiday.get().japaneseName());
        }
        return closures.closes(date) ? Optional.of("office closure") : Optional.empty();
    }
}
