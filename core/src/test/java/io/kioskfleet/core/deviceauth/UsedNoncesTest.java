package io.kioskfleet.core.deviceauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.protocol.signing.SignedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A captured request cannot be sent again: its nonce is refused, in memory at once, from the
 * store after a restart, and by either way of keeping nonces; and nonces no request can reach
 * any more are dropped, so the ledger does not grow without end.
 */
class UsedNoncesTest {

    private static final String LAPTOP = "dev_01m84c0hq342dtywc0e2";

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;

    @BeforeEach
    void openTheStore() {
        fleet = CoreFixture.open(dataDir, clock);
    }

    @AfterEach
    void closeTheStore() {
        fleet.close();
    }

    @Test
    void aReplayIsRefusedFromMemoryBeforeTheNonceIsWritten() {
        WriteBehindNonceLedger nonces = writeBehind();
        String nonce = SignedRequest.newNonce();

        assertThat(nonces.firstUse(LAPTOP, nonce, clock.instant())).isTrue();
        assertThat(nonces.firstUse(LAPTOP, nonce, clock.instant())).as("the replay").isFalse();
        assertThat(storedNonces()).as("the request waited for no store write").isZero();

        assertThat(nonces.flush()).isEqualTo(1);
        assertThat(storedNonces()).isEqualTo(1);
        assertThat(nonces.firstUse(LAPTOP, nonce, clock.instant())).isFalse();
    }

    @Test
    void theSameNonceAtAnotherTimeOrFromAnotherDeviceIsAnotherRequest() {
        WriteBehindNonceLedger nonces = writeBehind();
        String nonce = SignedRequest.newNonce();

        assertThat(nonces.firstUse(LAPTOP, nonce, clock.instant())).isTrue();
        assertThat(nonces.firstUse(LAPTOP, nonce, clock.instant().plusMillis(1))).isTrue();
        assertThat(nonces.firstUse("dev_01m84c0hq342dtywc0e3", nonce, clock.instant())).isTrue();
    }

    @Test
    void aReplayAfterACleanRestartIsRefused() {
        WriteBehindNonceLedger beforeRestart = writeBehind();
        TwoNonces used = useOneWrittenThenOneNot(beforeRestart);
        beforeRestart.close(); // a clean shutdown writes what is left

        clock.advance(Duration.ofMinutes(4));
        WriteBehindNonceLedger afterRestart = writeBehind();
        assertThat(afterRestart.size()).as("read back at start").isEqualTo(2);
        Instant signedAt = clock.instant().minus(Duration.ofMinutes(4));
        assertThat(afterRestart.firstUse(LAPTOP, used.written(), signedAt)).isFalse();
        assertThat(afterRestart.firstUse(LAPTOP, used.notYetWritten(), signedAt)).isFalse();
    }

    @Test
    void aNonceNotYetWrittenWhenTheProcessIsKilledIsForgotten() {
        // The price of writing behind, stated in docs/protocol.md: the last interval before a crash.
        TwoNonces used = useOneWrittenThenOneNot(writeBehind());

        WriteBehindNonceLedger afterCrash = writeBehind();
        assertThat(afterCrash.firstUse(LAPTOP, used.written(), clock.instant())).isFalse();
        assertThat(afterCrash.firstUse(LAPTOP, used.notYetWritten(), clock.instant())).isTrue();
    }

    @Test
    void ofManyRequestsWithOneNonceArrivingTogetherExactlyOneIsAdmitted() throws Exception {
        WriteBehindNonceLedger nonces = writeBehind();
        String nonce = SignedRequest.newNonce();
        Instant signedAt = clock.instant();
        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(() -> nonces.firstUse(LAPTOP, nonce, signedAt));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long admitted = 0;
            for (Future<Boolean> answer : pool.invokeAll(requests)) {
                admitted += answer.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void bucketsNoRequestCanReachAreDroppedFromMemoryAndStore() {
        WriteBehindNonceLedger nonces = writeBehind();
        nonces.firstUse(LAPTOP, SignedRequest.newNonce(), clock.instant());
        nonces.flush();
        clock.advance(Duration.ofMinutes(16)); // past the bucket's ten minutes and the five of skew
        String recent = SignedRequest.newNonce();
        nonces.firstUse(LAPTOP, recent, clock.instant());

        nonces.flush();

        assertThat(nonces.size()).as("only the recent nonce").isEqualTo(1);
        assertThat(storedNonces()).isEqualTo(1);
        assertThat(nonces.firstUse(LAPTOP, recent, clock.instant())).isFalse();
    }

    @Test
    void perRequestModeStoresEachNonceBeforeItsRequestGoesOn() {
        // The mode for several instances on one MongoDB: another instance sees the nonce at once.
        PerRequestNonceLedger one = new PerRequestNonceLedger(fleet.store(), clock);
        PerRequestNonceLedger another = new PerRequestNonceLedger(fleet.store(), clock);
        String nonce = SignedRequest.newNonce();

        assertThat(one.firstUse(LAPTOP, nonce, clock.instant())).isTrue();
        assertThat(storedNonces()).isEqualTo(1);
        assertThat(another.firstUse(LAPTOP, nonce, clock.instant())).isFalse();
        assertThat(one.firstUse(LAPTOP, nonce, clock.instant())).isFalse();
    }

    @Test
    void aServiceSwitchedFromPerRequestToWriteBehindStillRefusesTheNoncesStoredBefore() {
        String nonce = SignedRequest.newNonce();
        new PerRequestNonceLedger(fleet.store(), clock).firstUse(LAPTOP, nonce, clock.instant());

        WriteBehindNonceLedger afterRestart = writeBehind();

        assertThat(afterRestart.firstUse(LAPTOP, nonce, clock.instant())).isFalse();
    }

    @Test
    void aBatchStoredAsKeysBeforeFingerprintsIsStillRefusedAfterAnUpgrade() {
        String nonce = SignedRequest.newNonce();
        UsedNonce used = new UsedNonce(LAPTOP, nonce, clock.instant());
        fleet.store().database().getCollection(NonceBuckets.BATCH_COLLECTION_PREFIX + used.bucket())
            .insertOne(new Document("_id", new ObjectId()).append("keys", List.of(used.key())));

        WriteBehindNonceLedger afterUpgrade = writeBehind();

        assertThat(afterUpgrade.firstUse(LAPTOP, nonce, clock.instant())).isFalse();
        assertThat(afterUpgrade.firstUse(LAPTOP, SignedRequest.newNonce(), clock.instant())).isTrue();
    }

    @Test
    void perRequestModeDropsBucketsNoRequestCanReach() {
        PerRequestNonceLedger nonces = new PerRequestNonceLedger(fleet.store(), clock);
        nonces.firstUse(LAPTOP, SignedRequest.newNonce(), clock.instant());
        assertThat(nonces.dropExpiredBuckets()).isEmpty();
        clock.advance(Duration.ofMinutes(16));
        assertThat(nonces.dropExpiredBuckets()).hasSize(1);
    }

    /** Two nonces used now: the first written to the store, the second still only in memory. */
    private record TwoNonces(String written, String notYetWritten) {
    }

    private TwoNonces useOneWrittenThenOneNot(WriteBehindNonceLedger nonces) {
        TwoNonces used = new TwoNonces(SignedRequest.newNonce(), SignedRequest.newNonce());
        nonces.firstUse(LAPTOP, used.written(), clock.instant());
        nonces.flush();
        nonces.firstUse(LAPTOP, used.notYetWritten(), clock.instant());
        return used;
    }

    /** A ledger as the service builds it at start, writing only when the test says so. */
    private WriteBehindNonceLedger writeBehind() {
        return new WriteBehindNonceLedger(fleet.store(), clock, Duration.ZERO);
    }

    /** The nonces the store holds, in either shape: one document each, or many keys in one document. */
    private long storedNonces() {
        FleetStore store = fleet.store();
        long stored = 0;
        for (String name : store.database().listCollectionNames()) {
            if (name.startsWith(NonceBuckets.COLLECTION_PREFIX)) {
                stored += store.database().getCollection(name).countDocuments();
            } else if (name.startsWith(NonceBuckets.BATCH_COLLECTION_PREFIX)) {
                for (Document batch : store.database().getCollection(name).find()) {
                    stored += NonceBuckets.fingerprintsIn(batch).count();
                }
            }
        }
        return stored;
    }
}
