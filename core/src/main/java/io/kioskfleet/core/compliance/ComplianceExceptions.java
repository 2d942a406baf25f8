package io.kioskfleet.core.compliance;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.nin;

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
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores compliance exceptions in {@code compliance_exceptions}, keyed by session id, so a sweep
 * run again (or twice at once) records each session once; only the first record reaches the
 * listeners. The collection holds only problems, so counting and listing it stays cheap.
 *
 * <p>Two ways to act on new exceptions. Listeners ({@link #whenRaised}) are told of each recorded
 * batch on the sweep's thread: for what costs one write per batch (the webhook outbox). Follow-ups
 * ({@link #whenFollowingUp}) are for what costs a write per device (a ticket): each exception
 * waits in {@code compliance_follow_ups}, written before the exception itself, until every
 * follow-up has handled it; {@link #followUpLater()} runs them on another thread once a sweep is
 * done, one call per device for all its waiting exceptions. So a crash loses no follow-up: what
 * waits is followed up at the next start or sweep (a crash between a follow-up and the removal of
 * what it handled repeats it once: one more occurrence on the device's ticket). An exception
 * found again after it was recorded is not followed up again. Recording is serialised per
 * instance; sweeps run on the instance that holds the scheduler lease.
 */
public final class ComplianceExceptions implements DeclaresIndexes {

    static final String COLLECTION = "compliance_exceptions";
    static final String FOLLOW_UPS = "compliance_follow_ups";
    /** How many waiting exceptions one round of follow-ups reads at most. */
    private static final int FOLLOW_UP_ROUND = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ComplianceExceptions.class);

    private final MongoCollection<ComplianceException> exceptions;
    private final MongoCollection<ComplianceException> waiting;
    private final Subscribers<List<ComplianceException>> raised = new Subscribers<>("compliance exceptions raised");
    private final List<ComplianceFollowUp> followUps = new CopyOnWriteArrayList<>();
    private final Executor followUpThread;
    private final AtomicBoolean followUpQueued = new AtomicBoolean();

    /** Exceptions whose follow-ups run on the caller's thread when {@link #followUpLater()} is called (tests). */
    public ComplianceExceptions(FleetStore store) {
        this(store, Runnable::run);
    }

    /** Exceptions whose follow-ups run on {@code followUpThread}. */
    public ComplianceExceptions(FleetStore store, Executor followUpThread) {
        this.exceptions = store.collection(COLLECTION, ComplianceException.class);
        this.waiting = store.collection(FOLLOW_UPS, ComplianceException.class);
        this.followUpThread = followUpThread;
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of();
    }

    /** Tells {@code listener} of every exception recorded from now on, a recorded batch at a time. */
    public void whenRaised(ComplianceExceptionListener listener) {
        raised.add(listener::raised);
    }

    /** Has {@code followUp} follow up every exception recorded from now on (and those still waiting). */
    public void whenFollowingUp(ComplianceFollowUp followUp) {
        followUps.add(followUp);
    }

    /**
     * Records the exceptions not recorded before, in one unordered write, and tells the listeners
     * of those, as one batch; notes them first for the follow-ups (see the class comment), which
     * {@link #followUpLater()} then runs.
     *
     * @return how many were new
     */
    public synchronized int record(List<ComplianceException> found) {
        if (found.isEmpty()) {
            return 0;
        }
        Set<Integer> waitedBefore = followUps.isEmpty() ? null : DuplicateKeys.insertEach(waiting, found);
        Set<Integer> recordedBefore = DuplicateKeys.insertEach(exceptions, found);
        List<ComplianceException> added = new ArrayList<>(found.size() - recordedBefore.size());
        List<WriteModel<ComplianceException>> notAgain = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (!recordedBefore.contains(i)) {
                added.add(found.get(i));
            } else if (waitedBefore != null && !waitedBefore.contains(i)) {
                // Found again (a sweep repeated): followed up when it was first recorded, so not again.
                notAgain.add(new DeleteOneModel<>(eq("_id", found.get(i).sessionId())));
            }
        }
        if (!notAgain.isEmpty()) {
            waiting.bulkWrite(notAgain, new BulkWriteOptions().ordered(false));
        }
        if (!added.isEmpty()) {
            raised.tell(List.copyOf(added));
        }
        return added.size();
    }

    /**
     * Runs the follow-ups of what waits, soon, on the follow-up thread: after a sweep, and at start
     * for what a crash left. Calls while a run is queued add nothing.
     */
    public void followUpLater() {
        if (followUps.isEmpty() || !followUpQueued.compareAndSet(false, true)) {
            return;
        }
        followUpThread.execute(() -> {
            followUpQueued.set(false);
            try {
                followUp();
            } catch (RuntimeException e) {
                log.warn("Following up compliance exceptions failed; the next sweep tries again: {}", e.toString());
            }
        });
    }

    /**
     * Runs the follow-ups of every exception waiting now, a device at a time, and removes those
     * that every follow-up handled; one that threw waits for the next run.
     *
     * @return how many exceptions were followed up
     */
    public synchronized int followUp() {
        int done = 0;
        Set<String> failed = new HashSet<>();
        while (true) {
            List<ComplianceException> round = waiting.find(failed.isEmpty() ? new Document() : nin("_id", failed))
                .limit(FOLLOW_UP_ROUND).into(new ArrayList<>());
            if (round.isEmpty()) {
                return done;
            }
            Map<String, List<ComplianceException>> byDevice = new LinkedHashMap<>();
            round.forEach(exception -> byDevice.computeIfAbsent(String.valueOf(exception.deviceId()),
                device -> new ArrayList<>()).add(exception));
            List<WriteModel<ComplianceException>> handled = new ArrayList<>(round.size());
            byDevice.forEach((deviceId, found) -> {
                if (followedUp(deviceId, found)) {
                    found.forEach(exception -> handled.add(new DeleteOneModel<>(eq("_id", exception.sessionId()))));
                } else {
                    found.forEach(exception -> failed.add(exception.sessionId()));
                }
            });
            if (!handled.isEmpty()) {
                waiting.bulkWrite(handled, new BulkWriteOptions().ordered(false));
            }
            done += handled.size();
        }
    }

    /** How many exceptions wait for their follow-ups. */
    public long waitingForFollowUp() {
        return waiting.countDocuments();
    }

    private boolean followedUp(String deviceId, List<ComplianceException> found) {
        for (ComplianceFollowUp followUp : followUps) {
            try {
                followUp.followUp(deviceId, List.copyOf(found));
            } catch (RuntimeException e) {
                log.warn("Following up {} compliance exception(s) of {} failed; they wait for the next run: {}",
                    found.size(), deviceId, e.toString());
                return false;
            }
        }
        return true;
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
