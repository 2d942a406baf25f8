package io.kioskfleet.core.audit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Updates;
import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.store.PageRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    AuditChain chain;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir);
        chain = fleet.audit();
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private void appendSome(int count) {
        for (int i = 0; i < count; i++) {
            chain.append(CoreFixture.ADMIN, "test.change", "thing", "t" + i, Map.of("n", i), Map.of("n", i + 1));
        }
    }

    private org.bson.conversions.Bson event(long seq) {
        return eq("_id", AuditEvent.idFor(seq));
    }

    @Test
    void anUntouchedChainVerifies() {
        appendSome(5);
        ChainVerification result = chain.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(5);
        assertThat(result.headHash()).isEqualTo(chain.find(AuditEvent.idFor(5)).orElseThrow().hash());
    }

    @Test
    void eachEventRecordsWhoWhatWhereBeforeAndAfter() {
        AuditEvent event = chain.append(CoreFixture.ADMIN, "device.retire", "device", "dev_1",
            Map.of("status", "ENROLLED"), Map.of("status", "RETIRED", "at", Instant.parse("2026-11-23T00:00:00Z")));
        assertThat(event.actor()).isEqualTo("test-admin");
        assertThat(event.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(event.before()).isEqualTo("{\"status\":\"ENROLLED\"}");
        assertThat(event.after()).isEqualTo("{\"at\":\"2026-11-23T00:00:00Z\",\"status\":\"RETIRED\"}");
        assertThat(event.prevHash()).isEqualTo(AuditEvent.GENESIS_HASH);
    }

    @Test
    void alteringAStoredEventIsDetectedAtThatEvent() {
        appendSome(5);
        fleet.store().database().getCollection(AuditChain.COLLECTION).updateOne(event(3), Updates.set("actor", "mallory"));
        ChainVerification result = chain.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(3);
        assertThat(result.problem()).contains("altered");
    }

    @Test
    void rehashingAnAlteredEventIsStillDetectedByTheNextLink() {
        appendSome(5);
        AuditEvent original = chain.find(AuditEvent.idFor(2)).orElseThrow();
        AuditEvent forged = AuditEvent.link(2, original.at(), "mallory", original.sourceAddress(), original.action(),
            original.targetType(), original.targetId(), original.before(), original.after(), original.prevHash());
        fleet.store().database().getCollection(AuditChain.COLLECTION)
            .updateOne(event(2), Updates.combine(Updates.set("actor", "mallory"), Updates.set("hash", forged.hash())));
        ChainVerification result = chain.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(3);
    }

    @Test
    void aRemovedEventIsDetected() {
        appendSome(5);
        fleet.store().database().getCollection(AuditChain.COLLECTION).deleteOne(event(5));
        ChainVerification result = chain.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(5);
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void concurrentWritersEachGetTheirOwnPositionAndTheChainHolds() throws Exception {
        AuditChain second = new AuditChain(fleet.store(), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AuditEvent>> futures = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            AuditChain writer = i % 2 == 0 ? chain : second;
            int n = i;
            futures.add(pool.submit(() -> writer.append(CoreFixture.ADMIN, "test.concurrent", "thing", "t" + n, null, Map.of("n", n))));
        }
        List<Long> positions = new ArrayList<>();
        for (Future<AuditEvent> future : futures) {
            positions.add(future.get().seq());
        }
        pool.shutdown();
        assertThat(positions).doesNotHaveDuplicates().hasSize(80);
        assertThat(chain.verify()).satisfies(result -> {
            assertThat(result.intact()).isTrue();
            assertThat(result.eventsChecked()).isEqualTo(80);
        });
    }

    @Test
    void aWriterThatDiedBeforeMovingTheHeadLosesNothing() {
        appendSome(2);
        // Simulate a writer killed after inserting event 3 but before moving the head.
        Document head = fleet.store().database().getCollection(AuditChain.HEAD_COLLECTION).find().first();
        AuditEvent orphan = AuditEvent.link(3, Instant.now(), "ghost", "local", "test.orphan", "thing", "t", null, null,
            head.getString("hash"));
        fleet.store().collection(AuditChain.COLLECTION, AuditEvent.class).insertOne(orphan);

        AuditEvent next = chain.append(CoreFixture.ADMIN, "test.after", "thing", "t", null, null);

        assertThat(next.seq()).isEqualTo(4);
        assertThat(chain.verify().intact()).isTrue();
        assertThat(chain.newestFirst(new PageRequest(0, 10)).items()).extracting(AuditEvent::seq).containsExactly(4L, 3L, 2L, 1L);
    }
}
