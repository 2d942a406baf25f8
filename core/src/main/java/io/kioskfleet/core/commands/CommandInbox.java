package io.kioskfleet.core.commands;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.size;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.background.RepeatingTask;
import io.kioskfleet.core.changes.ChangeNotices;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Which devices have commands waiting, answered from memory on the hot path.
 *
 * <p>Each device with pending commands has one small document in {@code command_inbox}, keyed
 * by its id and listing the pending command ids; it is removed when the last one leaves. The
 * embedded store has no secondary indexes, so "pending commands of device X" on the
 * {@code commands} collection would scan every command ever issued; the inbox is read by
 * {@code _id} instead, and only when the in-memory flag says there is something to read.
 *
 * <p>A flag means "maybe": it is set when a command is put in the inbox (on this instance at
 * once, on others when they read the {@value #TOPIC} change notice, within seconds), and cleared
 * when a read finds the inbox empty (after the last command was acknowledged, answered,
 * cancelled or expired). The flags are also loaded from the inbox (which only holds devices with
 * pending commands, so it stays small) at start and again every {@code refreshEvery}: the bound
 * should a writer stop between its inbox write and its notice.
 */
public final class CommandInbox implements DeclaresIndexes, AutoCloseable {

    static final String COLLECTION = "command_inbox";
    /** The change-notice topic of inboxes; the key is the device id. */
    public static final String TOPIC = "command-inbox";

    private final MongoCollection<InboxEntry> entries;
    private final boolean oneProcessWrites;
    private final Set<String> flagged = ConcurrentHashMap.newKeySet();
    private final ChangeNotices notices;
    private final RepeatingTask timer;

    /** An inbox refreshed from the store every {@code refreshEvery}; {@link Duration#ZERO}: only by {@link #refresh()}. */
    public CommandInbox(FleetStore store, ChangeNotices notices, Duration refreshEvery) {
        this.entries = store.collection(COLLECTION, InboxEntry.class);
        this.oneProcessWrites = store.isEmbedded();
        this.notices = notices;
        notices.subscribe(TOPIC, this::flag, this::refresh);
        refresh();
        this.timer = new RepeatingTask(refreshEvery, "reload pending commands", this::refresh);
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
     * Puts a command in its device's inbox (before the command itself is stored, so a crash leaves
     * no lost command). The notice is published after this object's lock is released: publishing
     * tells this inbox ({@link #flag}) and takes the notices' lock, whose poll tells this inbox too.
     */
    void add(String deviceId, String commandId) {
        synchronized (this) {
            entries.updateOne(eq("_id", deviceId), Updates.addToSet("commandIds", commandId),
                new UpdateOptions().upsert(true));
        }
        notices.publish(TOPIC, deviceId);
    }

    /** Notes that the device may have commands waiting (synchronized with {@link #refresh}, so a reload cannot undo it). */
    private synchronized void flag(String deviceId) {
        flagged.add(deviceId);
    }

    /**
     * Puts many commands in their devices' inboxes (before the commands themselves are stored,
     * as {@link #add} does): one unordered insert of new inbox documents, which is what most
     * devices need, then one bulk {@code $addToSet} for the devices that had an inbox already.
     *
     * @param commandIdsByDevice one command id per device id
     */
    void addAll(Map<String, String> commandIdsByDevice) {
        if (commandIdsByDevice.isEmpty()) {
            return;
        }
        List<InboxEntry> fresh = new ArrayList<>(commandIdsByDevice.size());
        commandIdsByDevice.forEach((deviceId, commandId) -> fresh.add(new InboxEntry(deviceId, List.of(commandId))));
        synchronized (this) {
            List<UpdateOneModel<InboxEntry>> existing = new ArrayList<>();
            for (int refused : DuplicateKeys.insertEach(entries, fresh)) {
                InboxEntry entry = fresh.get(refused);
                existing.add(new UpdateOneModel<>(eq("_id", entry.deviceId()),
                    Updates.addToSet("commandIds", entry.commandIds().get(0)), new UpdateOptions().upsert(true)));
            }
            if (!existing.isEmpty()) {
                entries.bulkWrite(existing, new BulkWriteOptions().ordered(false));
            }
            // Flagged here at once; other instances find these in their periodic refresh (one
            // notice per device of a 100,000-device wave would cost more than it saves).
            flagged.addAll(commandIdsByDevice.keySet());
        }
    }

    /**
     * Takes a command out of its device's inbox; the inbox goes when it is empty.
     *
     * <p>With several instances the empty inbox is deleted by one conditional write (an {@code _id}
     * and an empty list), so a command another instance adds meanwhile is never deleted with it.
     * The embedded store would answer that filter by scanning the whole inbox (it only serves a
     * filter on exactly {@code _id}), once per acknowledgement, and a wave fills the inbox with
     * every device of the fleet; there only this process writes, and every write of the inbox here
     * holds this object's lock, so the emptiness is checked and the inbox deleted by {@code _id}.
     */
    synchronized void remove(String deviceId, String commandId) {
        InboxEntry left = entries.findOneAndUpdate(eq("_id", deviceId), Updates.pull("commandIds", commandId),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (left != null && !left.commandIds().isEmpty()) {
            return;
        }
        // Not deleted means another instance put a command in meanwhile: the flag stays (it only
        // means "maybe", and the next read clears it should that inbox empty again).
        if (left == null || entries.deleteOne(oneProcessWrites ? eq("_id", deviceId)
                : and(eq("_id", deviceId), size("commandIds", 0))).getDeletedCount() == 1) {
            flagged.remove(deviceId);
        }
    }

    /** The device's pending command ids: no store read at all when none is flagged. */
    List<String> commandIdsOf(String deviceId) {
        if (!flagged.contains(deviceId)) {
            return List.of();
        }
        List<String> stored = storedCommandIdsOf(deviceId);
        if (stored.isEmpty()) {
            forgetIfGone(deviceId);
        }
        return stored;
    }

    /** The device's pending command ids as stored, whatever this instance's flag says (for rare admin actions). */
    List<String> storedCommandIdsOf(String deviceId) {
        InboxEntry entry = entries.find(eq("_id", deviceId)).first();
        return entry == null ? List.of() : entry.commandIds();
    }

    private synchronized void forgetIfGone(String deviceId) {
        if (entries.find(eq("_id", deviceId)).first() == null) {
            flagged.remove(deviceId);
        }
    }

    /** Every device's inbox as stored (only devices with commands waiting have one). */
    List<InboxEntry> entries() {
        return entries.find().into(new ArrayList<>());
    }

    /** True when the device is flagged as having commands waiting. */
    public boolean flagged(String deviceId) {
        return flagged.contains(deviceId);
    }

    /** Reloads the flags from the store, to learn what other instances changed. */
    public synchronized void refresh() {
        Set<String> stored = new HashSet<>();
        for (Document entry : entries.withDocumentClass(Document.class).find().projection(Projections.include("_id"))) {
            stored.add(entry.getString("_id"));
        }
        flagged.retainAll(stored);
        flagged.addAll(stored);
    }

    /** Stops the refresh timer. */
    @Override
    public void close() {
        timer.close();
    }
}
