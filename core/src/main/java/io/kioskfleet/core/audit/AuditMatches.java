package io.kioskfleet.core.audit;

import java.util.List;

/**
 * One stretch of an audit search, newest first.
 *
 * @param items          the matching events found
 * @param continueBefore where the next stretch starts (pass it as {@code before}), or null when
 *                       the search has reached the beginning of the log or of the period
 * @param scanned        how many events were looked at, to show what a search costs
 */
public record AuditMatches(List<AuditEvent> items, Long continueBefore, int scanned) {

    public AuditMatches {
        items = List.copyOf(items);
    }
}
