package io.kioskfleet.core.tickets;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many office hours each priority has until it must be resolved, and how close to that a
 * ticket counts as "due soon".
 *
 * @param resolveWithin office hours to resolution per priority (every priority present)
 * @param dueSoonShare  the share of its target left under which a ticket is due soon (0 to 1)
 */
public record SlaTargets(Map<TicketPriority, Duration> resolveWithin, double dueSoonShare) {

    /** 4 office hours for P1, 1 day (8 h) for P2, 3 days for P3, 10 days for P4; due soon under a quarter left. */
    public static final SlaTargets DEFAULT = new SlaTargets(Map.of(
        TicketPriority.P1, Duration.ofHours(4),
        TicketPriority.P2, Duration.ofHours(8),
        TicketPriority.P3, Duration.ofHours(24),
        TicketPriority.P4, Duration.ofHours(80)), 0.25);

    public SlaTargets {
        Map<TicketPriority, Duration> copy = new EnumMap<>(TicketPriority.class);
        copy.putAll(resolveWithin);
        for (TicketPriority priority : TicketPriority.values()) {
            Duration target = copy.get(priority);
            if (target == null || target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException("an SLA target for " + priority + " is required and must be positive");
            }
        }
        if (dueSoonShare < 0 || dueSoonShare > 1) {
            throw new IllegalArgumentException("dueSoonShare must be between 0 and 1: " + dueSoonShare);
        }
        resolveWithin = Map.copyOf(copy);
    }

    /** The office hours a ticket of {@code priority} has. */
    public Duration target(TicketPriority priority) {
        return resolveWithin.get(priority);
    }
}
