package io.kioskfleet.core.desks;

import java.util.List;

/**
 * What a recurring request booked: every occurrence is checked and booked on its own, so one
 * taken Tuesday does not cost the person the other weeks.
 *
 * @param seriesId the id all its bookings carry
 * @param booked   the occurrences booked
 * @param refused  the occurrences not booked, each with why
 */
public record SeriesReport(String seriesId, List<Booking> booked, List<RefusedOccurrence> refused) {

    /**
     * One occurrence that could not be booked.
     *
     * @param date   its date
     * @param reason a stable reason ({@code desk-taken}, {@code weekly-limit}…)
     * @param detail one English sentence
     * @param args   the values the reason's text names (a rule's limit), for translating it
     */
    public record RefusedOccurrence(java.time.LocalDate date, String reason, String detail, List<Object> args) {

        public RefusedOccurrence {
            args = args == null ? List.of() : List.copyOf(args);
        }
    }
}
