package io.kioskfleet.core.deviceauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A bucket's fingerprints refuse every nonce used before and accept fresh ones, also when many threads add at once. */
class NonceFingerprintsTest {

    @Test
    void everyFreshNonceIsAcceptedOnceAndRefusedAfter() {
        NonceFingerprints used = new NonceFingerprints();
        List<String> keys = new ArrayList<>();
        Instant at = Instant.parse("2026-11-23T09:00:00Z");
        for (int i = 0; i < 200_000; i++) {
            keys.add(new UsedNonce("dev_" + (i % 5_000), UUID.randomUUID().toString(), at.plusMillis(i)).key());
        }

        assertThat(keys).allMatch(used::add);
        assertThat(used.size()).isEqualTo(200_000);
        assertThat(keys).noneMatch(used::add);
        assertThat(used.size()).isEqualTo(200_000);
    }

    @Test
    void ofManyThreadsSendingTheSameNonceExactlyOneIsFirst() throws Exception {
        NonceFingerprints used = new NonceFingerprints();
        AtomicInteger firsts = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                running.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        if (used.add("0001763888400000:dev_1:nonce-" + i)) {
                            firsts.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(firsts.get()).isEqualTo(20_000);
        assertThat(used.size()).isEqualTo(20_000);
    }

    @Test
    void aFingerprintIsNeverTheEmptySlot() {
        assertThat(NonceFingerprints.fingerprint("")).isNotZero();
        assertThat(NonceFingerprints.fingerprint("a")).isNotEqualTo(NonceFingerprints.fingerprint("b"));
    }
}
