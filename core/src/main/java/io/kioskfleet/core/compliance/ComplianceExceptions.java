package io.kioskfleet.core.compliance;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores compliance exceptions in {@code compliance_exceptions}, keyed by session id, so a sweep
 * run again (or twice at once) records each session once; only the first record reaches the
 * listeners. The collection holds only problems, so counting and listing it stays cheap.
 */
public final class ComplianceExceptions implements DeclaresIndexes {

    static final String COLLECTION = "compliance_exceptions";
    private static final Logger log = LoggerFactory.getLogger(ComplianceExceptions.class);

    private final MongoCollection<ComplianceException> exceptions;
    private final List<ComplianceExceptionListener> listeners = new CopyOnWriteArrayList<>();

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
        listeners.add(listener);
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
        Set<Integer> refused = new HashSet<>();
        try {
            exceptions.insertMany(found, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        int added = 0;
        for (int i = 0; i < found.size(); i++) {
            if (!refused.contains(i)) {
                added++;
                tell(found.get(i));
            }
        }
        return added;
    }

    private void tell(ComplianceException exception) {
        for (ComplianceExceptionListener listener : listeners) {
            try {
                listener.raised(exception);
            } catch (RuntimeException e) {
                log.warn("A listener failed on compliance exception {}: {}", exception.sessionId(), e.toString());
            }
        }
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
