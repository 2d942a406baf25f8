package io.kioskfleet.core.changes;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.background.RepeatingTask;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Tells every instance sharing the store what changed, so in-memory copies (device keys and
 * statuses, effective policies, pending-command flags) can be dropped: a writer
 * {@linkplain #publish publishes} a notice (a topic and a key, e.g. {@code device}/{@code dev_…}),
 * and each instance {@linkplain #poll polls} for notices it has not seen.
 *
 * <p>Notices are numbered from a counter document ({@code _id: "head"}) and stored under their
 * number, so a poll is one read by {@code _id} when nothing changed, plus one per new notice;
 * no query ever scans. A notice that is numbered but not (yet) stored after two polls, or more
 * notices than {@link #MAX_CATCH_UP} at once, make every subscriber drop everything, which is
 * always safe. The local instance hears its own notices at once, without waiting for a poll.
 *
 * <p>How stale a copy can be: a change made on another instance reaches this one within one
 * poll interval. When polls fail (the store is away), {@link #trusted()} turns false after
 * {@code 3 × interval}, and caches then read the store instead of their copies.
 */
public final class ChangeNotices implements DeclaresIndexes, AutoCloseable {

    static final String COLLECTION = "change_notices";
    static final int MAX_CATCH_UP = 1_000;
    /** Notices older than this many numbers are deleted now and then; every instance has read them long ago. */
    static final long KEEP = 10_000;
    private static final String HEAD = "head";

    private final MongoCollection<Document> notices;
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final RepeatingTask timer;
    private final long silenceNanos;
    private long seen;
    private long missingSince = -1;
    private volatile long lastGoodPollNanos = System.nanoTime();

    /** Notices polled every {@code every}; {@link Duration#ZERO}: only when {@link #poll()} is called (tests). */
    public ChangeNotices(FleetStore store, Duration every) {
        this.notices = store.collection(COLLECTION, Document.class);
        this.seen = head();
        this.silenceNanos = every.isZero() ? Long.MAX_VALUE : every.multipliedBy(3).toNanos();
        this.timer = new RepeatingTask(every, "read change notices", this::poll);
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
     * Calls {@code onChange} with the key of every notice of {@code topic}, and {@code onAnyChange}
     * when notices were missed and anything may have changed.
     */
    public void subscribe(String topic, Consumer<String> onChange, Runnable onAnyChange) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(new Subscriber(onChange, onAnyChange));
    }

    /** Tells this instance at once, and every other instance at its next poll, that {@code key} of {@code topic} changed. */
    public void publish(String topic, String key) {
        tell(topic, key);
        long number = store(topic, key);
        if (number % 1_000 == 0) {
            notices.deleteMany(lt("_id", number - KEEP));
        }
    }

    /**
     * Numbers and stores a notice. Synchronized because the embedded store's find-and-update is
     * not atomic between threads (a real MongoDB's is); a number taken anyway is refused by the
     * unique {@code _id} and the next one is drawn.
     */
    private synchronized long store(String topic, String key) {
        while (true) {
            Document head = notices.findOneAndUpdate(eq("_id", HEAD), Updates.inc("number", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            long number = head.get("number", Number.class).longValue();
            try {
                notices.insertOne(new Document("_id", number).append("topic", topic).append("key", key));
                return number;
            } catch (MongoException e) {
                if (!DuplicateKeys.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Reads the notices this instance has not seen and tells the subscribers. The subscribers are
     * told after this object's lock is released: a subscriber takes its own lock (the command
     * inbox does), and a writer holding that lock may be publishing, which needs this one.
     */
    public void poll() {
        List<Document> heard = new ArrayList<>();
        boolean missed = readUnseen(heard);
        if (missed) {
            everythingChanged();
        }
        heard.forEach(notice -> tell(notice.getString("topic"), notice.getString("key")));
        lastGoodPollNanos = System.nanoTime();
    }

    /**
     * Adds the notices after the last one seen to {@code heard}, in order, and moves past them.
     *
     * @return true when notices were missed, so that anything may have changed
     */
    private synchronized boolean readUnseen(List<Document> heard) {
        long head = head();
        boolean missed = false;
        if (head - seen > MAX_CATCH_UP || head < seen) {
            missed = true;
            seen = head;
        }
        while (seen < head) {
            Document notice = notices.find(eq("_id", seen + 1)).first();
            if (notice == null) {
                // Numbered but not stored yet (its writer is between the two writes), or never (it stopped).
                if (missingSince == seen + 1) {
                    missed = true;
                    seen = head;
                    break;
                }
                missingSince = seen + 1;
                break;
            }
            seen++;
            heard.add(notice);
        }
        return missed;
    }

    /**
     * True while polls succeed: a copy kept in memory may be used. False when the last good poll
     * is more than three intervals ago; a change elsewhere might then be unheard of.
     */
    public boolean trusted() {
        return System.nanoTime() - lastGoodPollNanos < silenceNanos;
    }

    private long head() {
        Document head = notices.find(eq("_id", HEAD)).first();
        return head == null ? 0 : head.get("number", Number.class).longValue();
    }

    private void tell(String topic, String key) {
        subscribers.getOrDefault(topic, List.of()).forEach(subscriber -> subscriber.onChange().accept(key));
    }

    private void everythingChanged() {
        subscribers.values().forEach(list -> list.forEach(subscriber -> subscriber.onAnyChange().run()));
    }

    /** Stops polling. */
    @Override
    public void close() {
        timer.close();
    }

    private record Subscriber(Consumer<String> onChange, Runnable onAnyChange) {
    }
}
