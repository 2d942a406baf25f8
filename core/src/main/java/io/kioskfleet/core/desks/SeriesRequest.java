package io.kioskfleet.core.desks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * A request to book a desk for the same slot every week on chosen weekdays.
 *
 * @param deskId   the desk
 * @param from     the first date
 * @param until    the last date (inclusive)
 * @param weekdays the weekdays to book
 * @param kind     the slot kind
 * @param fromHour for HOURLY: the first hour
 * @param toHour   for HOURLY: the hour it ends
 * @param user     who sits there; null: the caller
 */
public record SeriesRequest(String deskId, LocalDate from, LocalDate until, Set<DayOfWeek> weekdays, SlotKind kind,
                            Integer fromHour, Integer toHour, String user) {
}
