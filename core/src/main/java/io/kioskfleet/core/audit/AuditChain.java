package io.kioskfleet.core.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.bson.Document;

/**
 * The append-only, hash-chained record of every state change an admin made.
 *
 * <p>Events are keyed by their sequence number, so two writers can never both take the same
 * position: the unique {@code _id} decides. A small head document remembers the last position;
 * if a writer dies between writing an event and moving the head, the next writer finds the
 * position taken, moves the head past it and carries on, so nothing is lost and no transaction
 * is needed.
 */
public final class AuditChain implements DeclaresIndexes {

    static final String COLLECTION = "audit_events";
    static final String HEAD_COLLECTION = "audit_head";
    private static final String HEAD_ID = "head";

    private final MongoCollection<AuditEvent> events;
    private final MongoCollection<Document> head;
    private final Clock clock;

    public AuditChain(FleetStore store, Clock clock) {
        this.events = store.collection(COLLECTION, AuditEvent.class);
        this.head = store.collection(HEAD_COLLECTION, Document.class);
        this.clock = clock;
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("targetId")), new IndexModel(Indexes.ascending("at")));
    }

    /**
     * Appends one event.
     *
     * @param before the state before the change (a record or map), or null when it was created
     * @param after  the state after the change, or null when it was removed
     */
    public synchronized AuditEvent append(Actor actor, String action, String targetType, String targetId,
                                          Object before, Object after) {
        String beforeJson = AuditSnapshot.of(before);
        String afterJson = AuditSnapshot.of(after);
        while (true) {
            Head current = readHead();
            AuditEvent event = AuditEvent.link(current.seq() + 1, clock.instant(), actor.username(),
                actor.sourceAddress(), action, targetType, targetId, beforeJson, afterJson, current.hash());
            try {
                events.insertOne(event);
            } catch (MongoException e) {
                if (!DuplicateKeys.isDuplicateKey(e)) {
                    throw e;
                }
                // Another writer (or one that died before moving the head) holds this position.
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

    /** The newest events first. */
    public Page<AuditEvent> newestFirst(PageRequest request) {
        long last = lastSeq();
        long from = last - request.offset();
        List<String> ids = LongStream.rangeClosed(Math.max(1, from - request.size() + 1), from)
            .mapToObj(AuditEvent::idFor).toList();
        List<AuditEvent> items = new ArrayList<>();
        if (!ids.isEmpty()) {
            events.find(in("_id", ids)).into(items);
        }
        items.sort(Comparator.comparingLong(AuditEvent::seq).reversed());
        return new Page<>(items, request.page(), request.size(), last);
    }

    /** One event by id. */
    public Optional<AuditEvent> find(String id) {
        return Optional.ofNullable(events.find(eq("_id", id)).first());
    }

    /**
     * Walks the whole chain from the first event, checking each hash and back-link, and that
     * nothing the head knows of is missing.
     */
    public ChainVerification verify() {
        long headSeq = readHead().seq();
        String previousHash = AuditEvent.GENESIS_HASH;
        long seq = 1;
        while (true) {
            AuditEvent event = events.find(eq("_id", AuditEvent.idFor(seq))).first();
            if (event == null) {
                break;
            }
            if (event.seq() != seq) {
                return ChainVerification.brokenAt(seq, seq - 1, "event " + event.id() + " claims position " + event.seq(), previousHash);
            }
            if (!event.prevHash().equals(previousHash)) {
                return ChainVerification.brokenAt(seq, seq - 1, "event " + event.id()
                    + " does not follow the event before it (previous hash differs)", previousHash);
            }
            if (!event.computeHash().equals(event.hash())) {
                return ChainVerification.brokenAt(seq, seq - 1, "event " + event.id()
                    + " was altered after it was written (its hash does not match its content)", previousHash);
            }
            previousHash = event.hash();
            seq++;
        }
        long checked = seq - 1;
        if (checked < headSeq) {
            return ChainVerification.brokenAt(seq, checked, "event " + AuditEvent.idFor(seq)
                + " is missing; the chain is known to reach position " + headSeq, previousHash);
        }
        return ChainVerification.intact(checked, previousHash);
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
