package io.kioskfleet.core.schedules;

import java.time.Instant;

/**
 * A schedule in a list: what it is and when it fires next.
 *
 * @param nextFire the next fire time, or null when paused or it never fires again
 */
public record ScheduleSummary(String id, String name, ScheduleKind kind, String when, String timeZone,
                              HolidayRule holidayRule, boolean enabled, Instant nextFire, long version) {
}
