package io.kioskfleet.core.tickets;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A planned trip to the site of a ticket. The travel time is copied from the site's unit when
 * the visit is planned, so the ticket keeps showing what the trip cost even if the unit changes.
 *
 * @param plannedOn     the day the technician goes
 * @param technician    who goes
 * @param travelMinutes one way from headquarters
 * @param note          what to bring or do, or null
 */
public record OnSiteVisit(LocalDate plannedOn, String technician, int travelMinutes, String note) {

    public OnSiteVisit {
        Objects.requireNonNull(plannedOn, "plannedOn");
        Objects.requireNonNull(technician, "technician");
    }
}
