package io.kioskfleet.core.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.conversions.Bson;

/**
 * What grows without end, kept in one collection per month ({@code sessions_2026_11}), so a
 * scan over a period reads only that period's months. Months are UTC months. The indexes a
 * real MongoDB would use are created with each month's collection the first time this process
 * writes to it (the embedded store ignores non-unique ones).
 */
public final class MonthlyCollections<T> {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    private final FleetStore store;
    private final String prefix;
    private final Class<T> type;
    private final List<IndexModel> indexes;
    private final Map<String, Boolean> indexed = new ConcurrentHashMap<>();

    /**
     * @param prefix  the name before the month, e.g. {@code sessions}
     * @param indexes the indexes each month's collection gets
     */
    public MonthlyCollections(FleetStore store, String prefix, Class<T> type, List<IndexModel> indexes) {
        this.store = store;
        this.prefix = prefix;
        this.type = type;
        this.indexes = List.copyOf(indexes);
    }

    /** The collection for the month of {@code at}, for reading. */
    public MongoCollection<T> of(Instant at) {
        return store.collection(nameOf(YearMonth.from(at.atZone(ZoneOffset.UTC))), type);
    }

    /** The collection for the month of {@code at}, for writing: its indexes are made first. */
    public MongoCollection<T> forWriting(Instant at) {
        MongoCollection<T> collection = of(at);
        String name = collection.getNamespace().getCollectionName();
        if (!indexes.isEmpty()) {
            // computeIfAbsent: a thread writing to the month meanwhile waits until its unique indexes exist.
            indexed.computeIfAbsent(name, first -> {
                collection.createIndexes(indexes);
                return true;
            });
        }
        return collection;
    }

    /** The existing collections whose month overlaps {@code from} to {@code to} (either may be null), newest first. */
    public List<MongoCollection<T>> between(Instant from, Instant to) {
        String first = from == null ? null : nameOf(YearMonth.from(from.atZone(ZoneOffset.UTC)));
        String last = to == null ? null : nameOf(YearMonth.from(to.atZone(ZoneOffset.UTC)));
        List<String> names = new ArrayList<>();
        for (String name : store.database().listCollectionNames()) {
            boolean ours = name.startsWith(prefix + "_") && name.length() == prefix.length() + 8;
            if (ours && (first == null || name.compareTo(first) >= 0) && (last == null || name.compareTo(last) <= 0)) {
                names.add(name);
            }
        }
        names.sort(Comparator.reverseOrder());
        return names.stream().map(name -> store.collection(name, type)).toList();
    }

    /**
     * One page of the documents matching {@code filter} in the months from {@code from} to
     * {@code to}, newest month first and within a month in {@code sort} order: each month is
     * scanned, which is what bounds a scan on the embedded store.
     */
    public Page<T> page(Instant from, Instant to, Bson filter, Bson sort, PageRequest request) {
        List<T> items = new ArrayList<>();
        long total = 0;
        long skip = request.offset();
        for (MongoCollection<T> month : between(from, to)) {
            long count = month.countDocuments(filter);
            total += count;
            if (items.size() < request.size() && skip < count) {
                month.find(filter).sort(sort).skip((int) skip).limit(request.size() - items.size()).into(items);
            }
            skip = Math.max(0, skip - count);
        }
        return new Page<>(items, request.page(), request.size(), total);
    }

    private String nameOf(YearMonth month) {
        return prefix + "_" + month.format(SUFFIX);
    }
}
