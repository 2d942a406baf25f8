package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.store.FleetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps used nonces in the store, each stored before its request is admitted, so a replay is
 * refused after any restart and on any other instance sharing the store (the unique key is
 * shared): the mode for several instances on one MongoDB.
 *
 * <p>Requests that arrive together share one write (group commit): the first waiting request
 * writes every nonce that waits, in one unordered bulk insert per bucket, while the others wait
 * for it. So the store sees one write per batch rather than one per request, with the same
 * protection as one write per request; each request still waits for a durable write.
 */
public final class PerRequestNonceLedger implements NonceLedger {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final int MAX_BATCH = 500;

    private final NonceBuckets buckets;
    private final Clock clock;
    private final AtomicLong nextSweepMillis = new AtomicLong();
    private final Object batchLock = new Object();
    private List<WaitingNonce> waiting = new ArrayList<>();
    private boolean writing;

    public PerRequestNonceLedger(FleetStore store, Clock clock) {
        this.buckets = new NonceBuckets(store);
        this.clock = clock;
    }

    /** {@inheritDoc} Waits until the nonce, with those of the requests arriving at the same time, is stored. */
    @Override
    public boolean firstUse(String deviceId, String nonce, Instant signedAt) {
        sweepNowAndThen();
        WaitingNonce mine = new WaitingNonce(new UsedNonce(deviceId, nonce, signedAt));
        synchronized (batchLock) {
            waiting.add(mine);
        }
        while (!mine.settled()) {
            List<WaitingNonce> batch = takeBatchOrWait(mine);
            if (batch != null) {
                try {
                    write(batch);
                } finally {
                    batch.stream().filter(use -> !use.settled())
                        .forEach(use -> use.settle(false, new IllegalStateException("the nonce could not be stored")));
                    synchronized (batchLock) {
                        writing = false;
                        batchLock.notifyAll();
                    }
                }
            }
        }
        return mine.outcome();
    }

    /** The waiting nonces when no one is writing (this request then writes them), else null after waiting a while. */
    private List<WaitingNonce> takeBatchOrWait(WaitingNonce mine) {
        synchronized (batchLock) {
            if (mine.settled()) {
                return null;
            }
            if (!writing) {
                writing = true;
                // Usually every waiting nonce, its own among them; behind a long queue, the oldest first.
                List<WaitingNonce> oldest = waiting.subList(0, Math.min(MAX_BATCH, waiting.size()));
                List<WaitingNonce> batch = new ArrayList<>(oldest);
                oldest.clear();
                return batch;
            }
            try {
                batchLock.wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the nonce was being stored", e);
            }
            return null;
        }
    }

    /** Stores a batch, one unordered bulk insert per bucket, and settles each nonce: first use, replay or failure. */
    private void write(List<WaitingNonce> batch) {
        Map<Long, List<WaitingNonce>> byBucket = new LinkedHashMap<>();
        batch.forEach(use -> byBucket.computeIfAbsent(use.nonce().bucket(), b -> new ArrayList<>()).add(use));
        byBucket.forEach((bucket, uses) -> {
            try {
                Set<Integer> replayed = buckets.insert(bucket, uses.stream().map(WaitingNonce::nonce).toList());
                for (int i = 0; i < uses.size(); i++) {
                    uses.get(i).settle(!replayed.contains(i), null);
                }
            } catch (RuntimeException e) {
                uses.forEach(use -> use.settle(false, e));
            }
        });
    }

    @Override
    public List<String> dropExpiredBuckets() {
        return buckets.dropExpired(clock.instant());
    }

    /** Nothing to write: every nonce was stored before its request went on. */
    @Override
    public void close() {
    }

    private void sweepNowAndThen() {
        long now = clock.millis();
        long due = nextSweepMillis.get();
        if (now >= due && nextSweepMillis.compareAndSet(due, now + SWEEP_EVERY.toMillis())) {
            dropExpiredBuckets();
        }
    }

    /** One request's nonce on its way to the store, and what became of it. */
    private static final class WaitingNonce {

        private final UsedNonce nonce;
        private volatile boolean settled;
        private boolean first;
        private RuntimeException failure;

        WaitingNonce(UsedNonce nonce) {
            this.nonce = nonce;
        }

        UsedNonce nonce() {
            return nonce;
        }

        boolean settled() {
            return settled;
        }

        void settle(boolean firstUse, RuntimeException writeFailure) {
            this.first = firstUse;
            this.failure = writeFailure;
            this.settled = true; // written last: the fields above are visible to whoever reads this
        }

        /** True for a first use; throws what the store threw when the nonce could not be stored. */
        boolean outcome() {
            if (failure != null) {
                throw failure;
            }
            return first;
        }
    }
}
