package io.kioskfleet.core.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained record of every state change an admin made.
 *
 * <p>Events are keyed by their sequence number, so two writers can never both take the same
 * position: the unique {@code _id} decides. A small head document remembers the last position;
 * if a writer dies between writing an event and moving the head, the next writer finds the
 * position taken, moves the head past it and carries on.
 *
 * <p>A change and its event are two writes and there are no transactions, so a change is
 * recorded through {@link #record}: an intent is stored first, then the change, then the event
 * (unique by the change's key), then the intent is removed. After a crash,
 * {@link #completeInterruptedChanges()} records every intent whose change did happen.
 */
public final class AuditChain implements DeclaresIndexes {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

    static final String COLLECTION = "audit_events";
    static final String HEAD_COLLECTION = "audit_head";
    static final String INTENT_COLLECTION = "audit_intents";
    private static final String HEAD_ID = "head";
    static final int SEARCH_SCAN_LIMIT = 10_000;
    static final int SEARCH_BATCH = 500;
    static final int SEARCH_MAX_SIZE = 200;
    /** How far apart the clocks of two instances writing the chain may be. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final FleetStore store;
    private final MongoCollection<AuditEvent> events;
    private final MongoCollection<Document> head;
    private final MongoCollection<ChangeIntent> intents;
    private final Clock clock;

    public AuditChain(FleetStore store, Clock clock) {
        this.store = store;
        this.events = store.collection(COLLECTION, AuditEvent.class);
        this.head = store.collection(HEAD_COLLECTION, Document.class);
        this.intents = store.collection(INTENT_COLLECTION, ChangeIntent.class);
        this.clock = clock;
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
            new IndexModel(Indexes.ascending("changeKey"), new IndexOptions().unique(true).name("unique_change")),
            new IndexModel(Indexes.ascending("targetId")),
            new IndexModel(Indexes.ascending("at")));
    }

    /**
     * Makes a change with {@code write} and records it: nothing is lost if the service dies at
     * any point in between. If {@code write} fails, nothing is recorded and its exception passes.
     */
    public <T> T record(Actor actor, Change change, Supplier<T> write) {
        AuditEntry entry = new AuditEntry(change.newKey(), actor.username(), actor.sourceAddress(), change.action(),
            change.targetType(), change.targetId(), AuditSnapshot.of(change.before()), AuditSnapshot.of(change.after()));
        ChangeIntent intent = new ChangeIntent(UUID.randomUUID().toString(), entry, change.collection(),
            change.documentId(), change.targetVersion(), change.removal(), clock.instant());
        intents.insertOne(intent);
        T result;
        try {
            result = write.get();
        } catch (RuntimeException | Error failed) {
            intents.deleteOne(eq("_id", intent.id()));
            throw failed;
        }
        appendOnce(entry);
        intents.deleteOne(eq("_id", intent.id()));
        return result;
    }

    /** The same as {@link #record(Actor, Change, Supplier)} for a write that returns nothing. */
    public void record(Actor actor, Change change, Runnable write) {
        record(actor, change, () -> {
            write.run();
            return null;
        });
    }

    /** Records something that happened without changing a stored document (each call is its own event). */
    public AuditEvent note(Actor actor, String action, String targetType, String targetId, Object details) {
        AuditEntry entry = new AuditEntry("note:" + UUID.randomUUID(), actor.username(), actor.sourceAddress(), action,
            targetType, targetId, null, AuditSnapshot.of(details));
        return appendOnce(entry);
    }

    /**
     * Finishes what a crash interrupted: every stored intent whose change reached the store is
     * recorded (once); the others are dropped. Safe to run on every start and on any instance.
     *
     * @return how many changes were recorded late
     */
    public int completeInterruptedChanges() {
        int recorded = 0;
        for (ChangeIntent intent : intents.find().into(new ArrayList<>())) {
            if (happened(intent)) {
                appendOnce(intent.entry());
                recorded++;
                log.warn("Recorded an interrupted change in the audit chain: {}", intent.entry().changeKey());
            }
            intents.deleteOne(eq("_id", intent.id()));
        }
        return recorded;
    }

    private boolean happened(ChangeIntent intent) {
        Document target = store.collection(intent.collection(), Document.class)
            .find(eq("_id", intent.documentId())).first();
        if (intent.removal()) {
            return target == null;
        }
        if (target == null) {
            return false;
        }
        // Insert-only documents (a published policy version) carry no version: being there is enough.
        Number version = target.get("version", Number.class);
        return version == null || version.longValue() >= intent.targetVersion();
    }

    /** Appends the entry unless an event with its change key is in the chain already. */
    private synchronized AuditEvent appendOnce(AuditEntry entry) {
        while (true) {
            AuditEvent recorded = events.find(eq("changeKey", entry.changeKey())).first();
            if (recorded != null) {
                return recorded;
            }
            Head current = readHead();
            AuditEvent event = AuditEvent.link(current.seq() + 1, clock.instant(), entry, current.hash());
            try {
                events.insertOne(event);
            } catch (MongoException e) {
                if (!DuplicateKeys.isDuplicateKey(e)) {
                    throw e;
                }
                // The position is taken (by another writer, or one that died before moving the
                // head), or the change was recorded meanwhile: look again.
                AuditEvent taken = events.find(eq("_id", event.id())).first();
                if (taken != null) {
                    moveHead(current, taken);
                }
                continue;
            }
            moveHead(current, event);
            return event;
        }
    }

    private Head readHead() {
        Document document = head.find(eq("_id", HEAD_ID)).first();
        if (document == null) {
            return new Head(0, AuditEvent.GENESIS_HASH);
        }
        return new Head(document.get("seq", Number.class).longValue(), document.getString("hash"));
    }

    private void moveHead(Head from, AuditEvent to) {
        try {
            head.updateOne(and(eq("_id", HEAD_ID), eq("seq", from.seq())),
                Updates.combine(Updates.set("seq", to.seq()), Updates.set("hash", to.hash())),
                new UpdateOptions().upsert(from.seq() == 0));
        } catch (MongoException e) {
            if (!DuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
            // Someone else created the head first; their head is at least as far along.
        }
    }

    /** The newest events first; for fleet admins and auditors. */
    public Page<AuditEvent> newestFirst(Actor actor, PageRequest request) {
        requireReader(actor);
        long last = lastSeq();
        long from = last - request.offset();
        List<AuditEvent> items = from < 1 ? List.of() : byPosition(Math.max(1, from - request.size() + 1), from);
        return new Page<>(items, request.page(), request.size(), last);
    }

    /**
     * The events matching {@code filter}, newest first, older than position {@code before} (all
     * when null), at most {@code size} of them. Events are read by position in batches of
     * {@code _id} lookups, the one read the embedded store answers fast, and at most
     * {@value #SEARCH_SCAN_LIMIT} per call, so a search of a long log comes back in stretches:
     * the answer says where to continue. A period skips straight to its end by a binary search
     * over positions (time grows with position; a margin covers clocks of several instances).
     */
    public AuditMatches search(Actor actor, AuditFilter filter, Long before, int size) {
        requireReader(actor);
        new InputCheck().require(size >= 1 && size <= SEARCH_MAX_SIZE, "size", Rule.OUT_OF_RANGE, 1, SEARCH_MAX_SIZE)
            .require(before == null || before >= 1, "before", Rule.OUT_OF_RANGE, 1, Long.MAX_VALUE).orThrow();
        long top = Math.min(lastSeq(), before == null ? Long.MAX_VALUE : before - 1);
        if (filter.to() != null) {
            top = Math.min(top, firstAtOrAfter(filter.to().plus(CLOCK_MARGIN), top));
        }
        List<AuditEvent> found = new ArrayList<>();
        int scanned = 0;
        long seq = top;
        while (seq >= 1 && scanned < SEARCH_SCAN_LIMIT) {
            long low = Math.max(1, seq - SEARCH_BATCH + 1);
            List<AuditEvent> batch = byPosition(low, seq);
            for (AuditEvent event : batch) {
                scanned++;
                if (filter.from() != null && event.at().isBefore(filter.from().minus(CLOCK_MARGIN))) {
                    return new AuditMatches(found, null, scanned);
                }
                if (filter.matches(event)) {
                    found.add(event);
                    if (found.size() == size) {
                        return new AuditMatches(found, event.seq() > 1 ? event.seq() : null, scanned);
                    }
                }
            }
            seq = low - 1;
        }
        return new AuditMatches(found, seq >= 1 ? seq + 1 : null, scanned);
    }

    /** Events at positions {@code low..high}, newest first. */
    private List<AuditEvent> byPosition(long low, long high) {
        List<String> ids = LongStream.rangeClosed(low, high).mapToObj(AuditEvent::idFor).toList();
        List<AuditEvent> batch = events.find(in("_id", ids)).into(new ArrayList<>());
        batch.sort(Comparator.comparingLong(AuditEvent::seq).reversed());
        return batch;
    }

    /** The first position at or below {@code top} whose event is at or after {@code time}; {@code top} if none is. */
    private long firstAtOrAfter(Instant time, long top) {
        long low = 1;
        long high = top;
        while (low < high) {
            long middle = low + (high - low) / 2;
            AuditEvent event = events.find(eq("_id", AuditEvent.idFor(middle))).first();
            if (event != null && !event.at().isBefore(time)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return high;
    }

    /** Every event about one thing, oldest first; for fleet admins and auditors. */
    public List<AuditEvent> forTarget(Actor actor, String targetId) {
        requireReader(actor);
        return events.find(eq("targetId", targetId)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** One event; for fleet admins and auditors. */
    public Optional<AuditEvent> find(Actor actor, String id) {
        requireReader(actor);
        return Optional.ofNullable(events.find(eq("_id", id)).first());
    }

    /**
     * Walks the whole chain from the first event, checking each hash and back-link, that
     * nothing the head knows of is missing, and that the head's hash is the last event's.
     */
    public ChainVerification verify(Actor actor) {
        requireReader(actor);
        Head recordedHead = readHead();
        String previousHash = AuditEvent.GENESIS_HASH;
        long seq = 1;
        while (true) {
            AuditEvent event = events.find(eq("_id", AuditEvent.idFor(seq))).first();
            if (event == null) {
                break;
            }
            String problem = problemWith(event, seq, previousHash);
            if (problem != null) {
                return ChainVerification.brokenAt(seq, seq - 1, problem, previousHash);
            }
            if (seq == recordedHead.seq() && !event.hash().equals(recordedHead.hash())) {
                return ChainVerification.brokenAt(seq, seq, "the chain's head records another hash for event "
                    + event.id() + "; events up to it were rewritten", previousHash);
            }
            previousHash = event.hash();
            seq++;
        }
        long checked = seq - 1;
        if (checked < recordedHead.seq()) {
            return ChainVerification.brokenAt(seq, checked, "event " + AuditEvent.idFor(seq)
                + " is missing; the chain is known to reach position " + recordedHead.seq(), previousHash);
        }
        return ChainVerification.intact(checked, previousHash);
    }

    private static String problemWith(AuditEvent event, long seq, String previousHash) {
        if (event.seq() != seq) {
            return "event " + event.id() + " claims position " + event.seq();
        }
        if (!event.prevHash().equals(previousHash)) {
            return "event " + event.id() + " does not follow the event before it (previous hash differs)";
        }
        if (!event.computeHash().equals(event.hash())) {
            return "event " + event.id() + " was altered after it was written (its hash does not match its content)";
        }
        return null;
    }

    /** True when {@code actor} may read the chain: fleet admins and auditors. */
    public boolean readableBy(Actor actor) {
        return actor.has(Role.FLEET_ADMIN) || actor.has(Role.AUDITOR);
    }

    private void requireReader(Actor actor) {
        if (!readableBy(actor)) {
            throw new io.kioskfleet.core.access.ForbiddenException(actor.username() + " may not read the audit chain");
        }
    }

    private long lastSeq() {
        long seq = readHead().seq();
        // A writer may have died after writing an event but before moving the head.
        while (events.find(eq("_id", AuditEvent.idFor(seq + 1))).first() != null) {
            seq++;
        }
        return seq;
    }

    private record Head(long seq, String hash) {
    }
}
