package io.kioskfleet.core.commands;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.core.store.VersionConflictException;
import io.kioskfleet.core.store.VersionedDocuments;
import io.kioskfleet.protocol.commands.CommandState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores commands in {@code commands}. The issue key is unique by index, so a retried issue
 * request cannot create a second command for the same device.
 */
public final class CommandRepository implements DeclaresIndexes {

    static final String COLLECTION = "commands";
    private static final int TRANSITION_ATTEMPTS = 4;
    private static final Logger log = LoggerFactory.getLogger(CommandRepository.class);

    private final MongoCollection<Command> commands;
    private final VersionedDocuments<Command> versioned;
    private final List<CommandStateListener> listeners = new CopyOnWriteArrayList<>();

    public CommandRepository(FleetStore store) {
        this.commands = store.collection(COLLECTION, Command.class);
        this.versioned = store.versioned(commands, "command", Command::version);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
            new IndexModel(Indexes.ascending("issueKey"), new IndexOptions().unique(true).name("unique_issue_key")),
            new IndexModel(Indexes.ascending("deviceId", "issuedAt")),
            new IndexModel(Indexes.ascending("ouId", "state")),
            new IndexModel(Indexes.ascending("runId", "state")));
    }

    Optional<Command> find(String id) {
        return versioned.find(id);
    }

    Optional<Command> findByIssueKey(String issueKey) {
        return Optional.ofNullable(commands.find(eq("issueKey", issueKey)).first());
    }

    /** Inserts a new command; false (and nothing written) when its issue key was used already. */
    boolean insert(Command command) {
        return DuplicateKeys.insertIfAbsent(commands, command);
    }

    /**
     * Inserts many new commands in one unordered write; those whose issue key (or id) is taken
     * already are left as they are.
     *
     * @return how many were inserted
     */
    int insertAll(List<Command> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        return batch.size() - DuplicateKeys.insertEach(commands, batch).size();
    }

    /**
     * Cancels every command of a job run still QUEUED (not yet handed to its device) in one
     * write. Their inbox entries are left: delivery drops an id whose command is no longer pending.
     *
     * @return how many were cancelled
     */
    long cancelQueuedOfRun(String runId, Instant now) {
        return commands.updateMany(and(eq("runId", runId), eq("state", CommandState.QUEUED)),
            Updates.combine(Updates.set("state", CommandState.CANCELLED), Updates.set("finishedAt", now),
                Updates.inc("version", 1L))).getModifiedCount();
    }

    /** Tells {@code listener} of every state change made through {@link #transition}. */
    void whenMoved(CommandStateListener listener) {
        listeners.add(listener);
    }

    void replace(Command changed, long expectedVersion) {
        versioned.replace(changed.id(), changed, expectedVersion);
    }

    /**
     * Applies {@code change} to the stored command and writes the result, reading again when a
     * concurrent write got there first. A change that returns its argument writes nothing.
     */
    Command transition(String id, UnaryOperator<Command> change) {
        for (int attempt = 1; ; attempt++) {
            Command current = find(id).orElseThrow(() -> new NotFoundException("command", id));
            Command changed = change.apply(current);
            if (changed == current) {
                return current;
            }
            try {
                replace(changed, current.version());
                if (changed.state() != current.state()) {
                    tell(current, changed);
                }
                return changed;
            } catch (VersionConflictException raced) {
                if (attempt == TRANSITION_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** A listener's failure (a progress count not written) must not turn a stored change into an error for the device. */
    private void tell(Command before, Command after) {
        for (CommandStateListener listener : listeners) {
            try {
                listener.moved(before, after);
            } catch (RuntimeException e) {
                log.warn("A listener failed on command {} moving to {}: {}", after.id(), after.state(), e.toString());
            }
        }
    }

    /** One page of the commands matching {@code query} within {@code ouIds} (null: any unit), newest first. */
    Page<Command> search(CommandQuery query, Set<String> ouIds, PageRequest page) {
        List<Bson> parts = new ArrayList<>();
        if (ouIds != null) {
            parts.add(in("ouId", ouIds));
        }
        if (query.deviceId() != null) {
            parts.add(eq("deviceId", query.deviceId()));
        }
        if (query.state() != null) {
            parts.add(eq("state", query.state()));
        }
        Bson filter = parts.isEmpty() ? new Document() : and(parts);
        long total = commands.countDocuments(filter);
        List<Command> items = commands.find(filter).sort(Sorts.descending("issuedAt"))
            .skip(page.offset()).limit(page.size()).into(new ArrayList<>());
        return new Page<>(items, page.page(), page.size(), total);
    }
}
