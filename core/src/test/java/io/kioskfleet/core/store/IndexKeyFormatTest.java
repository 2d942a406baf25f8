package io.kioskfleet.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's unique indexes on disk: one created now keeps its keys as {@link
 * IndexKeyType}, one of an older store keeps Java serialisation, and both find what they hold and
 * refuse duplicates, also after the store is opened again.
 */
@DisabledIfEnvironmentVariable(named = io.kioskfleet.core.CoreFixture.MONGODB_URI_VARIABLE, matches = ".+")
class IndexKeyFormatTest {

    private static final ObjectId SOME_ID = new ObjectId("656f0a0b0c0d0e0f10111213");

    @TempDir
    Path dataDir;

    @Test
    void aNewIndexFindsEveryKindOfKeyAndRefusesDuplicatesAfterTheStoreIsOpenedAgain() {
        List<Object> keys = keysOfEveryKind();
        try (FleetStore store = open()) {
            MongoCollection<Document> things = store.database().getCollection("things");
            things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            things.createIndex(Indexes.ascending("site", "desk"), new IndexOptions().unique(true));
            for (int i = 0; i < keys.size(); i++) {
                things.insertOne(new Document("_id", "t" + i).append("key", keys.get(i)).append("site", "north")
                    .append("desk", i));
            }
            assertFindsAndRefuses(things, keys);
        }
        try (FleetStore store = open()) {
            assertFindsAndRefuses(store.database().getCollection("things"), keys);
        }
        assertThat(indexFormatOf("things", "_id_")).isEqualTo("typed");
        assertThat(indexFormatOf("things", "key_1")).isEqualTo("typed");
        assertThat(indexFormatOf("things", "site_1_desk_1")).isEqualTo("typed");
    }

    @Test
    void anIndexOfAnOlderStoreKeepsItsFormatAndANewIndexBesideItIsTyped() {
        MVStore mvStore = new MVStore.Builder().fileName(dataDir.resolve(EmbeddedStore.FILE_NAME).toString()).open();
        MongoServer olderServer = new MongoServer(new H2Backend(mvStore));
        InetSocketAddress address = olderServer.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> devices = client.getDatabase("kioskfleet").getCollection("devices");
            devices.createIndex(Indexes.ascending("serial"), new IndexOptions().unique(true));
            devices.insertOne(new Document("_id", "dev_1").append("serial", "SN-1").append("asset", 1));
        }
        olderServer.shutdownNow();

        try (FleetStore store = open()) {
            MongoCollection<Document> devices = store.database().getCollection("devices");
            assertThat(devices.find(Filters.eq("serial", "SN-1")).first()).containsEntry("_id", "dev_1");
            devices.insertOne(new Document("_id", "dev_2").append("serial", "SN-2").append("asset", 2));
            devices.createIndex(Indexes.ascending("asset"), new IndexOptions().unique(true));
            assertThatThrownBy(() -> devices.insertOne(new Document("_id", "dev_3").append("serial", "SN-1")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                    e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
        try (FleetStore store = open()) {
            MongoCollection<Document> devices = store.database().getCollection("devices");
            assertThat(devices.find(Filters.eq("serial", "SN-2")).first()).containsEntry("_id", "dev_2");
            assertThat(devices.find(Filters.eq("_id", "dev_1")).first()).containsEntry("serial", "SN-1");
            assertThat(devices.find(Filters.eq("asset", 2)).first()).containsEntry("_id", "dev_2");
            assertThatThrownBy(() -> devices.insertOne(new Document("_id", "dev_4").append("asset", 1)))
                .isInstanceOf(MongoWriteException.class);
        }
        assertThat(indexFormatOf("devices", "_id_")).isNull();
        assertThat(indexFormatOf("devices", "serial_1")).isNull();
        assertThat(indexFormatOf("devices", "asset_1")).isEqualTo("typed");
    }

    @Test
    void aCollectionDroppedAndMadeAgainHasAnEmptyTypedIndexAfterTheStoreIsOpenedAgain() {
        try (FleetStore store = open()) {
            MongoCollection<Document> things = store.database().getCollection("things");
            things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            things.insertOne(new Document("_id", "t1").append("key", "k1"));
            things.drop();
            things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            things.insertOne(new Document("_id", "t2").append("key", "k1"));
        }
        try (FleetStore store = open()) {
            MongoCollection<Document> things = store.database().getCollection("things");
            assertThat(things.find(Filters.eq("key", "k1")).into(new ArrayList<>())).extracting(found -> found.get("_id"))
                .containsExactly("t2");
            things.insertOne(new Document("_id", "t1").append("key", "k2"));
            assertThat(things.countDocuments()).isEqualTo(2);
        }
        assertThat(indexFormatOf("things", "key_1")).isEqualTo("typed");
        assertThat(indexFormatOf("things", "_id_")).isEqualTo("typed");
    }

    private static void assertFindsAndRefuses(MongoCollection<Document> things, List<Object> keys) {
        for (int i = 0; i < keys.size(); i++) {
            Bson byKey = Filters.eq("key", keys.get(i));
            assertThat(things.find(byKey).into(new ArrayList<>())).as("found by %s", keys.get(i))
                .extracting(found -> found.get("_id")).containsExactly("t" + i);
            assertThat(things.find(Filters.eq("_id", "t" + i)).first()).containsEntry("desk", i);
            assertThat(things.find(Filters.and(Filters.eq("site", "north"), Filters.eq("desk", i))).first())
                .containsEntry("_id", "t" + i);
            Object key = keys.get(i);
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "again").append("key", key)))
                .as("a second %s", key)
                .isInstanceOfSatisfying(MongoWriteException.class,
                    e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
        assertThat(things.countDocuments()).isEqualTo(keys.size());
    }

    private FleetStore open() {
        return FleetStore.open(new StoreSettings("", dataDir, "kioskfleet", Duration.ofSeconds(5)));
    }

    /** What the collection's meta map says of an index's key format (null: Java serialisation). */
    private Object indexFormatOf(String collection, String index) {
        MVStore mvStore = new MVStore.Builder().fileName(dataDir.resolve(EmbeddedStore.FILE_NAME).toString()).readOnly()
            .open();
        try {
            MVMap<String, Object> meta = mvStore.openMap("meta.kioskfleet." + collection);
            return meta.get("kioskfleet.indexKeys." + index);
        } finally {
            mvStore.close();
        }
    }

    private static List<Object> keysOfEveryKind() {
        return List.of("北部支所 3F-A-12", "", 42, 12_000_000_000L, 87.5, -0.5, true, false, SOME_ID,
            Date.from(Instant.parse("2026-12-05T08:00:00.123Z")), new Document("area", "${downloads}").append("files", 4),
            List.of("a", 1));
    }
}
