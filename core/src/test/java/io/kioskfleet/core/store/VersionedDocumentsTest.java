package io.kioskfleet.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.CoreFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version-checked writes, on whichever store the tests run against (embedded, or MongoDB when set). */
class VersionedDocumentsTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    MongoCollection<Document> things;
    VersionedDocuments<Document> versioned;

    @BeforeEach
    void aDocumentAtVersionOne() {
        fleet = CoreFixture.open(dataDir);
        things = fleet.store().database().getCollection("versioned_things");
        things.insertOne(new Document("_id", "thing-1").append("version", 1L).append("name", "first"));
        versioned = fleet.store().versioned(things, "thing", document -> document.getLong("version"));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void aWriteAtTheVersionReadIsTakenAndOneAtAnOlderVersionIsRefusedNamingTheCurrentOne() {
        versioned.replace("thing-1", new Document("_id", "thing-1").append("version", 2L).append("name", "second"), 1);

        assertThatThrownBy(() -> versioned.update("thing-1", 1, Updates.set("name", "lost update")))
            .isInstanceOfSatisfying(VersionConflictException.class,
                conflict -> assertThat(conflict.getMessage()).contains("2"));
        assertThat(versioned.find("thing-1").orElseThrow().getString("name")).isEqualTo("second");
    }

    @Test
    void aWriteToADocumentThatIsGoneSaysItIsNotFound() {
        versioned.delete("thing-1", 1);

        assertThatThrownBy(() -> versioned.update("thing-1", 1, Updates.set("name", "x")))
            .isInstanceOf(NotFoundException.class);
    }

    @Test
    void ofManyWritersWhoReadTheSameVersionExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String name = "writer-" + i;
            writers.add(() -> {
                try {
                    versioned.update("thing-1", 1, Updates.combine(Updates.set("name", name), Updates.inc("version", 1L)));
                    return true;
                } catch (VersionConflictException lost) {
                    return false;
                }
            });
        }
        int won = 0;
        for (Future<Boolean> writer : pool.invokeAll(writers)) {
            won += writer.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
        assertThat(versioned.find("thing-1").orElseThrow().getLong("version")).isEqualTo(2L);
    }
}
