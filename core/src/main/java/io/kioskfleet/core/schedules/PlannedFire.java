package io.kioskfleet.core.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One coming fire time of a schedule.
 *
 * @param at    the instant
 * @param local the same time in the schedule's zone, ISO with offset ({@code 2026-11-24T12:00:00+09:00})
 */
public record PlannedFire(Instant at, String local) {

    static PlannedFire of(Instant at, ZoneId zone) {
        return new PlannedFire(at, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone)));
    }
}
