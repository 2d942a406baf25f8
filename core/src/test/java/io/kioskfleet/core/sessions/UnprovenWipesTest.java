package io.kioskfleet.core.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.core.store.VersionConflictException;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the compliance sweep reads: the sessions recorded as awaiting proof, on the real embedded store. */
class UnprovenWipesTest {

    private static final Duration GRACE = Duration.ofHours(1);

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    Instant now;

    @BeforeEach
    void emptyStore() {
        fleet = CoreFixture.open(dataDir, clock);
        now = clock.instant();
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private SessionRepository repository() {
        return new SessionRepository(fleet.store());
    }

    private UnprovenWipes wipes(SessionRepository repository) {
        return new UnprovenWipes(repository, (deviceId, ouId) -> Duration.ofHours(4));
    }

    private List<String> unproven(UnprovenWipes wipes) {
        List<String> found = new ArrayList<>();
        wipes.forEachUnproven(now, GRACE, session -> found.add(session.id()));
        return found;
    }

    private static Session session(Instant started, SessionState state) {
        Instant ended = state == SessionState.STARTED ? null : started.plus(Duration.ofMinutes(45));
        return new Session(SessionIds.newId(started), "dev_1", "ou_1", null, null, null, null, started,
            ended == null ? null : SessionEndReason.TIMEOUT, ended, state, 1);
    }

    /** Stores {@code session} straight into its month, as a version from before the records did. */
    private void storedBeforeTheRecords(Session session) {
        String month = YearMonth.from(session.startedAt().atZone(ZoneOffset.UTC)).format(DateTimeFormatter.ofPattern("yyyy_MM"));
        fleet.store().collection("sessions_" + month, Session.class).insertOne(session);
    }

    private MongoCollection<Document> records() {
        return fleet.store().collection(AwaitingProof.COLLECTION, Document.class);
    }

    private void recordAwaiting(String sessionId, Instant writtenAt) {
        records().updateOne(new Document("_id", sessionId), Updates.combine(Updates.set("state", "ENDED"),
            Updates.set("at", writtenAt)), new UpdateOptions().upsert(true));
    }

    @Test
    void sessionsStoredBeforeTheRecordsAreFoundByABackfillThatRunsOnce() {
        Session forgotten = session(now.minus(Duration.ofHours(3)), SessionState.ENDED);
        storedBeforeTheRecords(forgotten);
        storedBeforeTheRecords(session(now.minus(Duration.ofHours(3)), SessionState.VERIFIED));
        UnprovenWipes wipes = wipes(repository());

        assertThat(unproven(wipes)).containsExactly(forgotten.id());

        Session later = session(now.minus(Duration.ofHours(2)), SessionState.ENDED);
        storedBeforeTheRecords(later); // bypasses the repository: only a second backfill would find it
        assertThat(unproven(wipes)).containsExactly(forgotten.id());
        assertThat(unproven(wipes(repository()))).as("the backfill is marked done in the store, not in memory")
            .containsExactly(forgotten.id());
    }

    @Test
    void theSessionDecidesNotItsRecordAndStrayRecordsAreDropped() {
        SessionRepository repository = repository();
        Session forgotten = session(now.minus(Duration.ofHours(3)), SessionState.ENDED);
        Session proven = session(now.minus(Duration.ofHours(3)), SessionState.VERIFIED);
        Session recent = session(now.minus(Duration.ofMinutes(30)), SessionState.ENDED);
        repository.insertMany(List.of(forgotten, proven, recent), List.of());
        recordAwaiting(proven.id(), now.minus(Duration.ofHours(2))); // a crash after the record, before the proof's write
        String purged = SessionIds.newId(now.minus(Duration.ofDays(500)));
        recordAwaiting(purged, now.minus(Duration.ofHours(2)));
        String beingStored = SessionIds.newId(now.minus(Duration.ofDays(3))); // a start from a device's journal, right now
        recordAwaiting(beingStored, now);

        assertThat(unproven(wipes(repository))).containsExactly(forgotten.id());

        assertThat(records().find().map(record -> record.getString("_id")).into(new ArrayList<>()))
            .containsExactlyInAnyOrder(AwaitingProof.BACKFILLED, forgotten.id(), recent.id(), beingStored);
    }

    @Test
    void aSweptSessionIsNotReadAgainUnlessItMovedOnMeanwhile() {
        SessionRepository repository = repository();
        UnprovenWipes wipes = wipes(repository);
        Session forgotten = session(now.minus(Duration.ofHours(3)), SessionState.ENDED);
        Session lost = session(now.minus(Duration.ofHours(7)), SessionState.STARTED);
        Session endsDuringTheSweep = session(now.minus(Duration.ofHours(6)), SessionState.STARTED);
        repository.insertMany(List.of(forgotten, lost, endsDuringTheSweep), List.of());
        List<Session> found = new ArrayList<>();
        wipes.forEachUnproven(now, GRACE, found::add);
        assertThat(found).extracting(Session::id).containsExactlyInAnyOrder(forgotten.id(), lost.id(), endsDuringTheSweep.id());

        Session stored = repository.find(endsDuringTheSweep.id()).orElseThrow();
        repository.replace(stored.ended(new SessionEnd(SessionEndReason.USER, now.minus(Duration.ofHours(2)))), stored.version());
        assertThat(wipes.markUnverified(found)).isEqualTo(1);

        assertThat(unproven(wipes)).containsExactly(endsDuringTheSweep.id());
        assertThat(repository.find(forgotten.id()).orElseThrow().state()).isEqualTo(SessionState.UNVERIFIED);
    }

    @Test
    void sessionsSeededIntoNewMonthsAreStoredAsTheServiceStoresThem() {
        SessionRepository repository = repository();
        Session forgotten = session(now.minus(Duration.ofDays(40)), SessionState.ENDED);
        Session proven = session(now.minus(Duration.ofDays(40)).plusSeconds(1), SessionState.VERIFIED);
        Session lost = session(now.minus(Duration.ofDays(3)), SessionState.STARTED);
        repository.insertIntoNewMonths(List.of(forgotten, proven, lost));

        assertThat(unproven(wipes(repository))).containsExactlyInAnyOrder(forgotten.id(), lost.id());
        assertThat(records().find(new Document("_id", AwaitingProof.BACKFILLED)).first()).as("no backfill needed").isNotNull();
        List<String> ofDevice = new ArrayList<>();
        repository.forEachSessionOf(List.of("dev_1"), now.minus(Duration.ofDays(60)), now, null,
            (deviceId, session) -> ofDevice.add(session.id()));
        assertThat(ofDevice).as("read through the per-device index").containsExactlyInAnyOrder(forgotten.id(), proven.id(), lost.id());
        assertThat(repository.find(proven.id()).orElseThrow()).matches(repository.seals()::holds, "sealed");

        assertThatThrownBy(() -> repository.insertIntoNewMonths(List.of(session(now.minus(Duration.ofDays(3)), SessionState.ENDED))))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProofArrivingDuringTheSweepIsNotOverwritten() throws Exception {
        SessionRepository repository = repository();
        UnprovenWipes wipes = wipes(repository);
        List<Session> ended = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) { // more than one bulk write's batch
            ended.add(session(now.minus(Duration.ofHours(3)).plusMillis(i), SessionState.ENDED));
        }
        repository.insertMany(ended, List.of());
        List<Session> found = new ArrayList<>();
        wipes.forEachUnproven(now, GRACE, found::add);
        assertThat(found).hasSize(ended.size());
        Session provenFirst = ended.get(0); // its proof is stored after the sweep read it, before it marks
        proveWipe(repository, provenFirst.id());

        Set<String> provenDuring = IntStream.range(1, ended.size()).filter(i -> i % 2 == 0)
            .mapToObj(i -> ended.get(i).id()).collect(Collectors.toSet());
        ExecutorService devices = Executors.newSingleThreadExecutor();
        try {
            Future<?> proofs = devices.submit(() -> provenDuring.forEach(id -> proveWipe(repository, id)));
            wipes.markUnverified(found);
            proofs.get(60, TimeUnit.SECONDS);
        } finally {
            devices.shutdownNow();
        }

        for (Session session : ended) {
            boolean proven = session == provenFirst || provenDuring.contains(session.id());
            assertThat(repository.find(session.id()).orElseThrow().state()).as(session.id())
                .isEqualTo(proven ? SessionState.VERIFIED : SessionState.UNVERIFIED);
        }
    }

    /** What a valid attestation does to its session: VERIFIED, at the version read, read again after a conflict. */
    private static void proveWipe(SessionRepository repository, String sessionId) {
        while (true) {
            Session current = repository.find(sessionId).orElseThrow();
            try {
                repository.replace(current.inState(SessionState.VERIFIED), current.version());
                return;
            } catch (VersionConflictException raced) {
                // the sweep marked it meanwhile: read again, as WipeAttestations does
            }
        }
    }
}
