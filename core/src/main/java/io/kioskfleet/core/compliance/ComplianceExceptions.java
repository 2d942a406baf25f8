package io.kioskfleet.core.compliance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
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
import java.util.List;
import org.bson.Document;

/**
 * Stores compliance exceptions in {@code compliance_exceptions}, keyed by session id, so a sweep
 * run again (or twice at once) records each session once; only the first record reaches the
 * listeners. The collection holds only problems, so counting and listing it stays cheap.
 */
public final class ComplianceExceptions implements DeclaresIndexes {

    static final String COLLECTION = "compliance_exceptions";

    private final MongoCollection<ComplianceException> exceptions;
    private final Subscribers<ComplianceException> raised = new Subscribers<>("compliance exception raised");

    public ComplianceExceptions(FleetStore store) {
        this.exceptions = store.collection(COLLECTION, ComplianceException.class);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of();
    }

    /** Tells {@code listener} of every exception recorded from now on. */
    public void whenRaised(ComplianceExceptionListener listener) {
        raised.add(listener::raised);
    }

    /**
     * Records the exceptions not recorded before, in one unordered write, and tells the listeners
     * of those.
     *
     * @return how many were new
     */
    public int record(List<ComplianceException> found) {
        if (found.isEmpty()) {
            return 0;
        }
        List<ComplianceException> added = DuplicateKeys.insertAbsent(exceptions, found);
        added.forEach(raised::tell);
        return added.size();
    }

    /** How many there are (for the dashboard). */
    public long count(Actor actor) {
        actor.requireAny(Role.FLEET_ADMIN, Role.HELPDESK, Role.AUDITOR);
        return exceptions.countDocuments();
    }

    /** One page of them, newest found first. */
    public Page<ComplianceException> newestFirst(Actor actor, PageRequest page) {
        actor.requireAny(Role.FLEET_ADMIN, Role.HELPDESK, Role.AUDITOR);
        long total = exceptions.countDocuments();
        List<ComplianceException> items = exceptions.find(new Document()).sort(Sorts.descending("foundAt", "_id"))
            .skip(page.offset()).limit(page.size()).into(new ArrayList<>());
        return new Page<>(items, page.page(), page.size(), total);
    }
}
