package io.kioskfleet.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's documents on disk: a collection created now keeps them as BSON, one from
 * an older store keeps Java serialisation, and both read back exactly as written, also after the
 * store is opened again.
 */
@DisabledIfEnvironmentVariable(named = io.kioskfleet.core.CoreFixture.MONGODB_URI_VARIABLE, matches = ".+")
class DocumentFormatTest {

    @TempDir
    Path dataDir;

    @Test
    void everyKindOfValueReadsBackAsWrittenAfterTheStoreIsOpenedAgain() {
        Document written = everyKindOfValue("ses_1");
        try (FleetStore store = open()) {
            store.database().getCollection("sessions_2026_12").insertOne(written);
        }
        try (FleetStore store = open()) {
            Document read = store.database().getCollection("sessions_2026_12").find().first();
            assertThat(read).isEqualTo(written);
        }
        assertThat(formatOf("sessions_2026_12")).isEqualTo("bson");
    }

    @Test
    void aCollectionOfAnOlderStoreKeepsItsFormatAndNewCollectionsBesideItAreBson() {
        Document old = everyKindOfValue("ses_old");
        MVStore mvStore = new MVStore.Builder().fileName(dataDir.resolve(EmbeddedStore.FILE_NAME).toString()).open();
        MongoServer olderServer = new MongoServer(new H2Backend(mvStore));
        InetSocketAddress address = olderServer.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            client.getDatabase("kioskfleet").getCollection("devices").insertOne(old);
        }
        olderServer.shutdownNow();

        Document later = everyKindOfValue("ses_new");
        try (FleetStore store = open()) {
            MongoCollection<Document> devices = store.database().getCollection("devices");
            assertThat(devices.find().first()).isEqualTo(old);
            devices.insertOne(later);
            store.database().getCollection("sessions_2027_01").insertOne(later);
        }
        try (FleetStore store = open()) {
            assertThat(store.database().getCollection("devices").find().into(new ArrayList<>())).containsExactlyInAnyOrder(old, later);
            assertThat(store.database().getCollection("sessions_2027_01").find().first()).isEqualTo(later);
        }
        assertThat(formatOf("devices")).isNull();
        assertThat(formatOf("sessions_2027_01")).isEqualTo("bson");
    }

    private FleetStore open() {
        return FleetStore.open(new StoreSettings("", dataDir, "kioskfleet", Duration.ofSeconds(5)));
    }

    /** What the collection's meta map says of its documents' format (null: Java serialisation). */
    private Object formatOf(String collection) {
        MVStore mvStore = new MVStore.Builder().fileName(dataDir.resolve(EmbeddedStore.FILE_NAME).toString()).readOnly()
            .open();
        try {
            MVMap<String, Object> meta = mvStore.openMap("meta.kioskfleet." + collection);
            return meta.get("kioskfleet.documentFormat");
        } finally {
            mvStore.close();
        }
    }

    private static Document everyKindOfValue(String id) {
        return new Document("_id", id)
            .append("text", "北部支所 3F-A-12")
            .append("int", 42)
            .append("long", 12_000_000_000L)
            .append("double", 87.5)
            .append("yes", true)
            .append("nothing", null)
            .append("at", Date.from(Instant.parse("2026-12-05T08:00:00.123Z")))
            .append("bytes", new Binary(new byte[] {0, 1, 2, (byte) 0xff}))
            .append("list", List.of("a", 1, List.of(2L)))
            .append("nested", new Document("erased", List.of(new Document("area", "${downloads}").append("files", 4)))
                .append("empty", new Document()));
    }
}
