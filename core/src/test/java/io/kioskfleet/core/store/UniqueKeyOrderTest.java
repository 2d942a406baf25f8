package io.kioskfleet.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UniqueKeyOrderTest {

    @TempDir
    Path dataDir;

    @Test
    void keysAreOrderedExactlyAsH2OrdersThemSoOldIndexFilesStillWork() {
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(randomKey(random));
        }
        ObjectDataType h2 = new ObjectDataType();
        UniqueKeyOrder ours = new UniqueKeyOrder();
        List<String> differences = new ArrayList<>();
        for (int round = 0; round < 2; round++) { // the second round answers from the kept bytes
            for (KeyValue a : keys) {
                for (KeyValue b : keys) {
                    if (Integer.signum(ours.compare(a, b)) != Integer.signum(h2.compare(a, b))) {
                        differences.add(a + " vs " + b);
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void equalKeysMadeApartCompareEqual() {
        UniqueKeyOrder ours = new UniqueKeyOrder();
        KeyValue first = new KeyValue("run:run_1/dev_9");
        assertThat(ours.compare(first, new KeyValue(new String("run:run_1/dev_9")))).isZero();
        assertThat(ours.compare(new KeyValue("dev_1", 2L), new KeyValue("dev_1", 2L))).isZero();
        assertThat(ours.compare(new KeyValue(new Document("a", 1)), new KeyValue(new Document("a", 1)))).isZero();
    }

    @Test
    @org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable(named = "MONGODB_URI", matches = ".+")
    void aStoreWrittenWithH2sOwnIndexesStillFindsAndRefusesItsKeys() {
        MongoServer plain = new MongoServer(new H2Backend(MVStore.open(dataDir.resolve(EmbeddedStore.FILE_NAME).toString())));
        try (MongoClient client = MongoClients.create("mongodb://" + plain.bind().getHostString() + ":"
            + plain.getLocalAddress().getPort())) {
            MongoCollection<org.bson.Document> serials = client.getDatabase("kioskfleet").getCollection("devices");
            serials.createIndex(Indexes.ascending("serial"), new IndexOptions().unique(true));
            for (int i = 0; i < 2000; i++) {
                serials.insertOne(new org.bson.Document("_id", "dev_" + i).append("serial", "SN" + i));
            }
        } finally {
            plain.shutdownNow();
        }
        try (FleetStore store = FleetStore.open(new StoreSettings("", dataDir, "kioskfleet", Duration.ofSeconds(5)))) {
            MongoCollection<org.bson.Document> serials = store.database().getCollection("devices");
            assertThat(serials.find(Filters.eq("serial", "SN1234")).first()).containsEntry("_id", "dev_1234");
            assertThat(serials.find(Filters.eq("_id", "dev_1999")).first()).containsEntry("serial", "SN1999");
            assertThatThrownBy(() -> serials.insertOne(new org.bson.Document("_id", "dev_x").append("serial", "SN77")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> serials.insertOne(new org.bson.Document("_id", "dev_5").append("serial", "SNx")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            serials.insertOne(new org.bson.Document("_id", "dev_new").append("serial", "SN-new"));
            assertThat(serials.find(Filters.eq("serial", "SN-new")).first()).containsEntry("_id", "dev_new");
        }
    }

    private static KeyValue randomKey(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new KeyValue(randomText(random));
            case 1 -> new KeyValue(random.nextLong(-1000, 1000));
            case 2 -> new KeyValue(randomText(random), random.nextInt(100));
            case 3 -> new KeyValue(random.nextBoolean());
            default -> new KeyValue("dev_" + randomText(random));
        };
    }

    private static String randomText(Random random) {
        String alphabet = "ab_Z09/:北部支所端末";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
