package io.kioskfleet.core.desks;

/**
 * One desk of a floor plan on one date: whether the slot asked about is free.
 *
 * @param desk       the desk
 * @param takenHours the hours already booked that day, one bit per hour
 * @param free       true when it is bookable and none of the slot's hours is taken
 */
public record DeskAvailability(Desk desk, int takenHours, boolean free) {
}
