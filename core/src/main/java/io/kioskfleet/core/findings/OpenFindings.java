package io.kioskfleet.core.findings;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.background.Subscribers;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Stores open findings in {@code open_findings}, keyed by kind and subject. The collection holds
 * only what needs attention now, so reading a kind whole stays cheap even on the embedded store.
 */
public final class OpenFindings implements DeclaresIndexes {

    static final String COLLECTION = "open_findings";
    private static final int DELETE_BATCH = 1000;

    private final MongoCollection<Finding> findings;
    private final Subscribers<Finding> opened = new Subscribers<>("finding opened");

    public OpenFindings(FleetStore store) {
        this.findings = store.collection(COLLECTION, Finding.class);
    }

    /** Tells {@code listener} of every finding opened from now on (once, when it is first found). */
    public void whenOpened(Consumer<Finding> listener) {
        opened.add(listener);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of();
    }

    /**
     * Makes {@code current} the open findings of {@code kind}: new ones are added (one found
     * before keeps the time it was first flagged), those no longer found are closed.
     *
     * @return how many were new
     */
    public int replace(FindingKind kind, List<Finding> current) {
        List<Finding> added = DuplicateKeys.insertAbsent(findings, current);
        added.forEach(opened::tell);
        Set<String> still = new HashSet<>();
        current.forEach(finding -> still.add(finding.id()));
        List<String> gone = new ArrayList<>();
        for (Document open : findings.withDocumentClass(Document.class).find(eq("kind", kind))
            .projection(Projections.include("_id"))) {
            if (!still.contains(open.getString("_id"))) {
                gone.add(open.getString("_id"));
            }
        }
        for (int from = 0; from < gone.size(); from += DELETE_BATCH) {
            findings.deleteMany(and(eq("kind", kind), in("_id", gone.subList(from, Math.min(gone.size(), from + DELETE_BATCH)))));
        }
        return added.size();
    }

    /** How many findings of {@code kind} are open (for the dashboard). */
    public long count(Actor actor, FindingKind kind) {
        actor.requireAny(Role.FLEET_ADMIN, Role.HELPDESK, Role.AUDITOR);
        return findings.countDocuments(eq("kind", kind));
    }

    /** One page of the open findings of {@code kind}, oldest cause first. */
    public Page<Finding> list(Actor actor, FindingKind kind, PageRequest page) {
        actor.requireAny(Role.FLEET_ADMIN, Role.HELPDESK, Role.AUDITOR);
        long total = findings.countDocuments(eq("kind", kind));
        List<Finding> items = findings.find(eq("kind", kind)).sort(Sorts.ascending("since", "_id"))
            .skip(page.offset()).limit(page.size()).into(new ArrayList<>());
        return new Page<>(items, page.page(), page.size(), total);
    }
}
