package io.kioskfleet.core.evidence;

import io.kioskfleet.core.input.InputCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an auditor asks evidence for: sessions that started from {@code from} (inclusive) to
 * {@code to} (exclusive) on devices of {@code ouIds} and their sub-units (empty: everything the
 * auditor may see).
 *
 * @param from   the period's start
 * @param to     the period's end
 * @param ouIds  the units asked for, each with its sub-units
 */
public record EvidenceQuery(Instant from, Instant to, List<String> ouIds) {

    /** The longest period one report covers: a quarter, so a scan reads at most four months. */
    static final Duration LONGEST = Duration.ofDays(93);

    public EvidenceQuery {
        ouIds = ouIds == null ? List.of() : List.copyOf(ouIds);
        new InputCheck()
            .require(from != null, "from", "is required (an ISO-8601 instant)")
            .require(to != null, "to", "is required (an ISO-8601 instant)")
            .orThrow();
        new InputCheck()
            .require(from.isBefore(to), "to", "must be after from")
            .require(Duration.between(from, to).compareTo(LONGEST) <= 0, "to", "a report covers at most 93 days")
            .orThrow();
    }
}
