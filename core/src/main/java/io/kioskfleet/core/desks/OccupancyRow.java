package io.kioskfleet.core.desks;

import java.time.DayOfWeek;

/**
 * How much of one floor was used on one weekday over a period.
 *
 * @param floorId      the floor
 * @param floorName    its name
 * @param weekday      the weekday
 * @param desks        bookable desks on the floor
 * @param days         how many such weekdays the period has
 * @param bookedHours  desk-hours booked and not released
 * @param openHours    desk-hours there were: desks × days × the office day's hours
 * @param checkedIn    bookings checked in to
 * @param noShows      bookings released because nobody came
 */
public record OccupancyRow(String floorId, String floorName, DayOfWeek weekday, int desks, int days, long bookedHours,
                           long openHours, int checkedIn, int noShows) {

    /** Booked share of the open desk-hours, 0–100. */
    public int utilisationPercent() {
        return openHours == 0 ? 0 : (int) Math.round(100.0 * bookedHours / openHours);
    }
}
