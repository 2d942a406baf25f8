package io.kioskfleet.core.audit;

import static com.mongodb.client.model.Filters.eq;
import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Updates;
import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.core.store.StoreClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.conversions.Bson;
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

    private void noteSome(int count) {
        for (int i = 0; i < count; i++) {
            chain.note(ADMIN, "test.note", "thing", "t" + i, Map.of("n", i));
        }
    }

    private static Bson event(long seq) {
        return eq("_id", AuditEvent.idFor(seq));
    }

    private org.bson.Document thing(String id) {
        return fleet.store().database().getCollection("things").find(eq("_id", id)).first();
    }

    private void writeThing(String id, long version) {
        fleet.store().database().getCollection("things").insertOne(new Document("_id", id).append("version", version));
    }

    @Test
    void anUntouchedChainVerifies() {
        noteSome(5);
        ChainVerification result = chain.verify(ADMIN);
        assertThat(result.intact()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(5);
        assertThat(result.headHash()).isEqualTo(chain.find(ADMIN, AuditEvent.idFor(5)).orElseThrow().hash());
    }

    @Test
    void aRecordedChangeSaysWhoWhatWhereBeforeAndAfter() {
        Change change = Change.changed("device.retire", "things", "device", "dev_1", 2,
            Map.of("status", "ENROLLED"), Map.of("status", "RETIRED", "at", Instant.parse("2026-11-23T00:00:00Z")));
        chain.record(ADMIN, change, () -> writeThing("dev_1", 2));

        AuditEvent event = chain.forTarget(ADMIN, "dev_1").get(0);
        assertThat(event.actor()).isEqualTo("test-admin");
        assertThat(event.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(event.changeKey()).startsWith("things/dev_1/v2/");
        assertThat(event.before()).isEqualTo("{\"status\":\"ENROLLED\"}");
        assertThat(event.after()).isEqualTo("{\"at\":\"2026-11-23T00:00:00Z\",\"status\":\"RETIRED\"}");
        assertThat(event.prevHash()).isEqualTo(AuditEvent.GENESIS_HASH);
    }

    @Test
    void aWriteThatFailsIsNotRecorded() {
        Change change = Change.created("thing.create", "things", "thing", "t1", 1, Map.of("n", 1));
        assertThatThrownBy(() -> chain.record(ADMIN, change, () -> {
            throw new IllegalStateException("store said no");
        })).hasMessage("store said no");
        assertThat(chain.forTarget(ADMIN, "t1")).isEmpty();
        assertThat(chain.completeInterruptedChanges()).isZero();
    }

    @Test
    void aChangeInterruptedBetweenWriteAndEventIsRecordedOnTheNextStart() {
        // A crash left intents behind: one whose write reached the store, one whose did not.
        AuditEntry happened = new AuditEntry("thing:t1:v1", "admin", "10.0.0.1", "thing.create", "thing", "t1", null, "{}");
        AuditEntry neverWritten = new AuditEntry("thing:t2:v1", "admin", "10.0.0.1", "thing.create", "thing", "t2", null, "{}");
        var intents = fleet.store().collection(AuditChain.INTENT_COLLECTION, ChangeIntent.class);
        intents.insertOne(new ChangeIntent("i1", happened, "things", "t1", 1, false, Instant.now()));
        intents.insertOne(new ChangeIntent("i2", neverWritten, "things", "t2", 1, false, Instant.now()));
        writeThing("t1", 1);

        assertThat(chain.completeInterruptedChanges()).isEqualTo(1);

        assertThat(chain.forTarget(ADMIN, "t1")).extracting(AuditEvent::changeKey).containsExactly("thing:t1:v1");
        assertThat(chain.forTarget(ADMIN, "t2")).isEmpty();
        assertThat(intents.countDocuments()).isZero();
        assertThat(chain.verify(ADMIN).intact()).isTrue();
    }

    @Test
    void aChangeIsRecordedOnceHoweverOftenRecordingIsRetried() {
        var intents = fleet.store().collection(AuditChain.INTENT_COLLECTION, ChangeIntent.class);
        writeThing("t1", 1);
        chain.record(ADMIN, Change.created("thing.create", "things", "thing", "t1", 1, Map.of()), () -> { });
        // As if the service died after appending the event but before dropping the intent.
        AuditEntry recorded = new AuditEntry(chain.forTarget(ADMIN, "t1").get(0).changeKey(), "admin", "x",
            "thing.create", "thing", "t1", null, "{}");
        intents.insertOne(new ChangeIntent("again", recorded, "things", "t1", 1, false, Instant.now()));

        chain.completeInterruptedChanges();

        assertThat(chain.forTarget(ADMIN, "t1")).hasSize(1);
        assertThat(thing("t1")).isNotNull();
    }

    @Test
    void alteringAStoredEventIsDetectedAtThatEvent() {
        noteSome(5);
        fleet.store().database().getCollection(AuditChain.COLLECTION).updateOne(event(3), Updates.set("actor", "mallory"));
        ChainVerification result = chain.verify(ADMIN);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(3);
        assertThat(result.problem()).contains("altered");
    }

    @Test
    void rehashingAnAlteredEventIsStillDetectedByTheNextLink() {
        noteSome(5);
        AuditEvent original = chain.find(ADMIN, AuditEvent.idFor(2)).orElseThrow();
        AuditEvent forged = new AuditEvent(original.id(), 2, original.at(), "mallory", original.sourceAddress(),
            original.action(), original.targetType(), original.targetId(), original.changeKey(), original.before(),
            original.after(), original.prevHash(), null);
        fleet.store().database().getCollection(AuditChain.COLLECTION).updateOne(event(2),
            Updates.combine(Updates.set("actor", "mallory"), Updates.set("hash", forged.computeHash())));
        ChainVerification result = chain.verify(ADMIN);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(3);
    }

    @Test
    void rewritingTheLastEventWithoutTheHeadIsDetected() {
        noteSome(3);
        AuditEvent last = chain.find(ADMIN, AuditEvent.idFor(3)).orElseThrow();
        AuditEvent forged = new AuditEvent(last.id(), 3, last.at(), "mallory", last.sourceAddress(), last.action(),
            last.targetType(), last.targetId(), last.changeKey(), last.before(), last.after(), last.prevHash(), null);
        fleet.store().database().getCollection(AuditChain.COLLECTION).updateOne(event(3),
            Updates.combine(Updates.set("actor", "mallory"), Updates.set("hash", forged.computeHash())));
        ChainVerification result = chain.verify(ADMIN);
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("head records another hash");
    }

    @Test
    void aRemovedEventIsDetected() {
        noteSome(5);
        fleet.store().database().getCollection(AuditChain.COLLECTION).deleteOne(event(5));
        ChainVerification result = chain.verify(ADMIN);
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(5);
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void concurrentWritersEachGetTheirOwnPositionAndTheChainHolds() throws Exception {
        AuditChain second = new AuditChain(fleet.store(), StoreClock.system());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AuditEvent>> futures = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            AuditChain writer = i % 2 == 0 ? chain : second;
            int n = i;
            futures.add(pool.submit(() -> writer.note(ADMIN, "test.concurrent", "thing", "t" + n, Map.of("n", n))));
        }
        List<Long> positions = new ArrayList<>();
        for (Future<AuditEvent> future : futures) {
            positions.add(future.get().seq());
        }
        pool.shutdown();
        assertThat(positions).doesNotHaveDuplicates().hasSize(80);
        assertThat(chain.verify(ADMIN)).satisfies(result -> {
            assertThat(result.intact()).isTrue();
            assertThat(result.eventsChecked()).isEqualTo(80);
        });
    }

    @Test
    void aWriterThatDiedBeforeMovingTheHeadLosesNothing() {
        noteSome(2);
        // Simulate a writer killed after inserting event 3 but before moving the head.
        Document head = fleet.store().database().getCollection(AuditChain.HEAD_COLLECTION).find().first();
        AuditEntry orphanEntry = new AuditEntry("note:orphan", "ghost", "local", "test.orphan", "thing", "t", null, null);
        fleet.store().collection(AuditChain.COLLECTION, AuditEvent.class)
            .insertOne(AuditEvent.link(3, Instant.now(), orphanEntry, head.getString("hash")));

        AuditEvent next = chain.note(ADMIN, "test.after", "thing", "t", null);

        assertThat(next.seq()).isEqualTo(4);
        assertThat(chain.verify(ADMIN).intact()).isTrue();
        assertThat(chain.newestFirst(ADMIN, new PageRequest(0, 10)).items()).extracting(AuditEvent::seq)
            .containsExactly(4L, 3L, 2L, 1L);
    }

    @Test
    void onlyFleetAdminsAndAuditorsReadTheChain() {
        assertThatThrownBy(() -> chain.verify(CoreFixture.branchAdminOf("ou_x")))
            .isInstanceOf(io.kioskfleet.core.access.ForbiddenException.class);
    }
}
