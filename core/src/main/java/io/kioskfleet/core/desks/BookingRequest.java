package io.kioskfleet.core.desks;

import java.time.LocalDate;

/**
 * A request to book a desk for one slot.
 *
 * @param deskId   the desk
 * @param date     the local date
 * @param kind     the slot kind
 * @param fromHour for HOURLY: the first hour (8–19)
 * @param toHour   for HOURLY: the hour it ends (9–20)
 * @param user     who sits there; null: the caller (only admins may name someone else)
 */
public record BookingRequest(String deskId, LocalDate date, SlotKind kind, Integer fromHour, Integer toHour, String user) {
}
