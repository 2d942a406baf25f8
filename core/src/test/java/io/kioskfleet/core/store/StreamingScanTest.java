package io.kioskfleet.core.store;

import static com.mongodb.client.model.Filters.gte;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans of the embedded store hand out their batches as they are read, over the documents the
 * collection held when they began.
 */
@DisabledIfEnvironmentVariable(named = io.kioskfleet.core.CoreFixture.MONGODB_URI_VARIABLE, matches = ".+")
class StreamingScanTest {

    static final int DOCUMENTS = 2_500;

    @TempDir
    Path dataDir;
    FleetStore store;
    MongoCollection<Document> sessions;

    @BeforeEach
    void aMonthOfSessions() {
        store = FleetStore.open(new StoreSettings("", dataDir, "kioskfleet", Duration.ofSeconds(5)));
        sessions = store.database().getCollection("sessions_2026_12");
        List<Document> month = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            month.add(new Document("_id", String.format("ses_%05d", i)).append("n", i).append("state", "VERIFIED"));
        }
        sessions.insertMany(month);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aScanInBatchesHandsOutEveryMatchingDocumentOnceInIdOrder() {
        List<Integer> seen = new ArrayList<>();
        sessions.find(gte("n", 1000)).batchSize(100).forEach(document -> seen.add(document.getInteger("n")));

        assertThat(seen).hasSize(DOCUMENTS - 1000).isSorted().doesNotHaveDuplicates().startsWith(1000);
    }

    @Test
    void documentsAddedOrRemovedWhileAScanIsUnderWayDoNotChangeWhatItHandsOut() {
        List<Document> seen = new ArrayList<>();
        try (MongoCursor<Document> cursor = sessions.find(gte("n", 0)).batchSize(100).iterator()) {
            for (int i = 0; i < 150; i++) {
                seen.add(cursor.next());
            }
            sessions.updateOne(new Document("_id", "ses_02000"), Updates.set("state", "ALTERED"));
            sessions.insertOne(new Document("_id", "ses_99999").append("n", 99_999));
            sessions.deleteOne(new Document("_id", "ses_02001"));
            cursor.forEachRemaining(seen::add);
        }

        assertThat(seen).hasSize(DOCUMENTS);
        // A document changed meanwhile is handed out once, as it was or as it is now (as MongoDB may).
        assertThat(seen).filteredOn(document -> document.getString("_id").equals("ses_02000")).hasSize(1);
        assertThat(seen).extracting(document -> document.getString("_id")).contains("ses_02001").doesNotContain("ses_99999");
        assertThat(sessions.find(gte("n", 0)).batchSize(100).into(new ArrayList<>())).hasSize(DOCUMENTS);
    }

    @Test
    void sortedLimitedAndProjectedQueriesAreAnsweredAsBefore() {
        assertThat(sessions.find(gte("n", 10)).sort(Sorts.descending("n")).limit(3).batchSize(2).into(new ArrayList<>()))
            .extracting(document -> document.getInteger("n")).containsExactly(DOCUMENTS - 1, DOCUMENTS - 2, DOCUMENTS - 3);
        assertThat(sessions.find(gte("n", 10)).skip(5).batchSize(50).into(new ArrayList<>())).hasSize(DOCUMENTS - 15);
        assertThat(sessions.find(gte("n", 2490)).projection(new Document("n", 1)).batchSize(3).into(new ArrayList<>()))
            .hasSize(10).allSatisfy(document -> assertThat(document.keySet()).containsExactlyInAnyOrder("_id", "n"));
        assertThat(sessions.countDocuments(gte("n", 2000))).isEqualTo(500);
    }
}
