package io.kioskfleet.core.store;

import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import io.kioskfleet.core.CoreFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading ahead hands out every record of its queries in order, and a failure where the caller reads. */
class ReadAheadTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    MongoCollection<Document> records;

    @BeforeEach
    void records() {
        fleet = CoreFixture.open(dataDir);
        records = fleet.store().database().getCollection("read_ahead_records");
        List<Document> all = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            all.add(new Document("_id", String.format("r%05d", i)).append("n", i));
        }
        records.insertMany(all);
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void everyRecordOfEachQueryInTurnAndInOrderWhileOnlyAFewWait() {
        List<Supplier<MongoCursor<Document>>> queries = List.of(
            () -> records.find(lt("n", 1_700)).batchSize(300).iterator(),
            () -> records.find(gte("n", 1_700)).batchSize(300).iterator());
        List<Integer> seen = new ArrayList<>();

        try (ReadAhead<Document> ahead = new ReadAhead<>("test", queries, 500)) {
            ahead.forEach(record -> seen.add(record.getInteger("n")));
        }

        assertThat(seen).hasSize(3_000).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aQueryThatFailsFailsTheReadingAfterWhatCameBefore() {
        List<Supplier<MongoCursor<Document>>> queries = List.of(
            () -> records.find(lt("n", 10)).batchSize(300).iterator(),
            () -> {
                throw new IllegalStateException("store away");
            });
        List<Integer> seen = new ArrayList<>();

        try (ReadAhead<Document> ahead = new ReadAhead<>("test", queries, 500)) {
            assertThatThrownBy(() -> ahead.forEach(record -> seen.add(record.getInteger("n"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("store away");
        }
        assertThat(seen).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void closingBeforeTheEndStopsTheReader() {
        ReadAhead<Document> ahead = new ReadAhead<>("test",
            List.of(() -> records.find(gte("n", 0)).batchSize(100).iterator()), 250);
        ahead.close();
        // Nothing waits on it any more: the store closes cleanly after it (the fixture's close).
    }
}
