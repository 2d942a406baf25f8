package io.kioskfleet.core.store;

import java.util.concurrent.locks.ReentrantLock;

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
        ReentrantLock lock = locks[Math.floorMod(id.hashCode(), STRIPES)];
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }
}
