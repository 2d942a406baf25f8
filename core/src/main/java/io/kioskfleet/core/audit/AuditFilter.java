package io.kioskfleet.core.audit;

import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;
import java.time.Instant;

/**
 * What to look for in the audit log; every part given must match, a missing part matches anything.
 *
 * @param actor    who made the change, exactly (e.g. {@code admin})
 * @param action   the action or its beginning: {@code device.retire}, or {@code device.} for every device change
 * @param targetId the id of the thing changed, exactly
 * @param from     the earliest time, inclusive
 * @param to       the latest time, exclusive
 */
public record AuditFilter(String actor, String action, String targetId, Instant from, Instant to) {

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
        targetId = blankToNull(targetId);
        new InputCheck().require(from == null || to == null || from.isBefore(to), "to", Rule.BEFORE, from).orThrow();
    }

    /** Matches every event. */
    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null);
    }

    boolean matches(AuditEvent event) {
        return (actor == null || actor.equals(event.actor()))
            && (action == null || event.action().startsWith(action))
            && (targetId == null || targetId.equals(event.targetId()))
            && (from == null || !event.at().isBefore(from))
            && (to == null || event.at().isBefore(to));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
