package io.kioskfleet.core.tickets;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Stores tickets in {@code tickets} and their history in {@code ticket_history}, one document
 * per line keyed by ticket and version, so reading a ticket's history is {@code _id} reads only
 * and the history of a ticket never shares a document with another's.
 */
public final class TicketRepository implements DeclaresIndexes {

    static final String COLLECTION = "tickets";
    static final String HISTORY = "ticket_history";

    private final MongoCollection<Ticket> tickets;
    private final MongoCollection<TicketEntry> history;

    public TicketRepository(FleetStore store) {
        this.tickets = store.collection(COLLECTION, Ticket.class);
        this.history = store.collection(HISTORY, TicketEntry.class);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
            new IndexModel(Indexes.ascending("openKey"), new IndexOptions().unique(true).name("unique_open_key")),
            new IndexModel(Indexes.ascending("ouId", "state")),
            new IndexModel(Indexes.ascending("state", "dueAt")));
    }

    /**
     * How many tickets are open (not closed) in each unit: one scan of the tickets reading only
     * their unit, fine for a collection that stays small (tickets close; sessions are the big one).
     */
    public Map<String, Integer> openByUnit() {
        Map<String, Integer> open = new HashMap<>();
        tickets.withDocumentClass(Document.class).find(ne("state", TicketState.CLOSED.name()))
            .projection(Projections.include("ouId"))
            .forEach(ticket -> open.merge(ticket.getString("ouId"), 1, Integer::sum));
        return open;
    }

    Optional<Ticket> find(String id) {
        return Optional.ofNullable(tickets.find(eq("_id", id)).first());
    }

    Optional<Ticket> findByOpenKey(String openKey) {
        return Optional.ofNullable(tickets.find(eq("openKey", openKey)).first());
    }

    /** Inserts a new ticket; false (nothing written) when its open key is taken by an open ticket. */
    boolean insert(Ticket ticket) {
        return DuplicateKeys.insertIfAbsent(tickets, ticket);
    }

    /**
     * Replaces the ticket with {@code changed} if it is still at {@code expectedVersion} and
     * matches {@code condition} too (e.g. "nobody handles it"), in one atomic write.
     *
     * @return false when it did not match (someone else changed it first)
     */
    boolean replaceIf(Ticket changed, long expectedVersion, Bson condition) {
        Bson filter = and(eq("_id", changed.id()), eq("version", expectedVersion), condition);
        return tickets.replaceOne(filter, changed).getMatchedCount() == 1;
    }

    /** Writes a history line; writing the same line again changes nothing. */
    void writeHistory(TicketEntry entry) {
        history.replaceOne(eq("_id", entry.id()), entry, new ReplaceOptions().upsert(true));
    }

    /** Drops the ticket's pending line once it is in the history, unless a newer change replaced it. */
    void clearPending(Ticket ticket) {
        tickets.updateOne(and(eq("_id", ticket.id()), eq("version", ticket.version())),
            Updates.unset("pendingEntry"));
    }

    /** The history lines of versions 1 to {@code upTo} that are written, oldest first. */
    List<TicketEntry> history(String ticketId, long upTo) {
        List<TicketEntry> lines = new ArrayList<>();
        for (long version = 1; version <= upTo; version++) {
            TicketEntry line = history.find(eq("_id", TicketEntry.keyOf(ticketId, version))).first();
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Every ticket matching {@code filter} (a scan on the embedded store; tickets are few compared with sessions). */
    List<Ticket> all(Bson filter) {
        return tickets.find(filter).into(new ArrayList<>());
    }

    /** Tickets whose last change's history line may not be written yet (after a crash). */
    List<Ticket> withPendingLines() {
        return all(exists("pendingEntry"));
    }
}
