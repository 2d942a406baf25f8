package io.kioskfleet.core.retention;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.store.FleetStore;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Drops the month collections ({@code sessions_2025_04}, …) whose whole month lies before the
 * retention cutoff. Dropping a month is one cheap operation, where deleting its documents one by
 * one would scan and rewrite them. Records kept one by one elsewhere ({@link ExpiringRecords}, e.g.
 * stored evidence reports) are removed one by one. Each drop or removal is written to the audit
 * chain first (what, how many documents, the cutoff), so the purge is itself evidence; one
 * interrupted by a crash is done by the next purge, noted again.
 */
public final class ExpiredMonths {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    private final FleetStore store;
    private final AuditChain audit;
    private final List<String> prefixes;
    private final List<ExpiringRecords> records;

    /**
     * @param prefixes the month collections that fall under retention, e.g. {@code sessions},
     *                 {@code attestations}
     * @param records  the records kept one by one that fall under it too
     */
    public ExpiredMonths(FleetStore store, AuditChain audit, List<String> prefixes, List<ExpiringRecords> records) {
        this.store = store;
        this.audit = audit;
        this.prefixes = List.copyOf(prefixes);
        this.records = List.copyOf(records);
    }

    /**
     * Drops every month collection whose month ended before {@code keepFrom}'s month began, and
     * removes the records kept one by one that ended before {@code keepFrom}.
     *
     * @return the collections dropped and the records removed ({@code collection/id})
     */
    public List<String> purge(Actor actor, Instant keepFrom) {
        String firstKept = YearMonth.from(keepFrom.atZone(ZoneOffset.UTC)).format(SUFFIX);
        List<String> dropped = new ArrayList<>();
        for (String name : store.database().listCollectionNames()) {
            String month = monthOf(name);
            if (month != null && month.compareTo(firstKept) < 0) {
                long documents = store.database().getCollection(name).countDocuments();
                audit.note(actor, "retention.purge", "collection", name,
                    Map.of("documents", documents, "keptFrom", firstKept));
                store.database().getCollection(name).drop();
                dropped.add(name);
            }
        }
        for (ExpiringRecords kept : records) {
            for (String id : kept.expiredBefore(keepFrom)) {
                String name = kept.collectionName() + "/" + id;
                audit.note(actor, "retention.purge", "record", name, Map.of("documents", 1L, "keptFrom", keepFrom.toString()));
                kept.remove(id);
                dropped.add(name);
            }
        }
        return dropped;
    }

    /** The {@code yyyy_MM} of a month collection under retention, or null for any other collection. */
    private String monthOf(String name) {
        for (String prefix : prefixes) {
            if (name.length() == prefix.length() + 8 && name.startsWith(prefix + "_")
                && Pattern.matches("\\d{4}_\\d{2}", name.substring(prefix.length() + 1))) {
                return name.substring(prefix.length() + 1);
            }
        }
        return null;
    }
}
