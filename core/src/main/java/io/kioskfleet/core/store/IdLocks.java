package io.kioskfleet.core.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fixed set of locks chosen by document id, so two writers of one document in this process take
 * turns while writers of different documents rarely wait (used for the embedded store's version
 * checks, see {@link VersionedDocuments}).
 */
final class IdLocks {

    private static final int STRIPES = 256;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    IdLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Runs {@code work} holding the lock of {@code id}. */
    void run(String id, Runnable work) {
        ReentrantLock lock = locks[stripeOf(id)];
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Answers {@code work} run holding the locks of all {@code ids}. They are taken in stripe
     * order, so two callers holding several never wait for each other in a circle; a batch of a
     * few hundred ids holds most stripes, briefly: meant for one bulk write, not for long work.
     */
    <T> T callHoldingAll(Collection<String> ids, Supplier<T> work) {
        TreeSet<Integer> stripes = new TreeSet<>();
        ids.forEach(id -> stripes.add(stripeOf(id)));
        List<ReentrantLock> held = new ArrayList<>(stripes.size());
        try {
            for (int stripe : stripes) {
                locks[stripe].lock();
                held.add(locks[stripe]);
            }
            return work.get();
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }

    private static int stripeOf(String id) {
        return Math.floorMod(id.hashCode(), STRIPES);
    }
}
