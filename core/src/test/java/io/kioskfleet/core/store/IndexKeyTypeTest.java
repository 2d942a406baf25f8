package io.kioskfleet.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class IndexKeyTypeTest {

    private static final List<Object> VALUES = List.of("dev_0001", "", "北部支所", 1.0, -2.5, 12_000_000_000_000_000L, true,
        false, new ObjectId(), Instant.parse("2026-12-05T08:00:00.123Z"), new Document("area", "downloads").append("files", 4),
        List.of("a", 2.0), UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"));

    @Test
    void aKeyReadsBackAsWritten() {
        List<KeyValue> keys = new ArrayList<>();
        VALUES.forEach(value -> keys.add(new KeyValue(value)));
        keys.add(new KeyValue(Missing.getInstance()));
        keys.add(new KeyValue((Object) null));
        keys.add(new KeyValue("site", 3.0, null));
        WriteBuffer buffer = new WriteBuffer();
        keys.forEach(key -> IndexKeyType.INSTANCE.write(buffer, key));
        ByteBuffer written = buffer.getBuffer().flip();
        for (KeyValue key : keys) {
            assertThat(IndexKeyType.INSTANCE.read(written)).isEqualTo(key);
        }
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void keysAreOrderedAsMongoDbOrdersTheirValues() {
        List<KeyValue> shuffled = new ArrayList<>();
        VALUES.forEach(value -> shuffled.add(new KeyValue(value)));
        Collections.shuffle(shuffled);
        shuffled.sort(IndexKeyType.INSTANCE::compare);
        for (int i = 1; i < shuffled.size(); i++) {
            assertThat(ValueComparator.ascWithoutListHandling().compare(shuffled.get(i - 1).get(0), shuffled.get(i).get(0)))
                .as("%s before %s", shuffled.get(i - 1), shuffled.get(i)).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void valuesMongoDbRanksAlikeButJavaDoesNotAreDifferentKeysInAFixedOrder() {
        KeyValue integer = new KeyValue(1);
        KeyValue real = new KeyValue(1.0);
        KeyValue absent = new KeyValue(Missing.getInstance());
        KeyValue nothing = new KeyValue((Object) null);
        assertThat(IndexKeyType.INSTANCE.compare(integer, real)).isNotZero()
            .isEqualTo(-IndexKeyType.INSTANCE.compare(real, integer));
        assertThat(IndexKeyType.INSTANCE.compare(absent, nothing)).isNotZero()
            .isEqualTo(-IndexKeyType.INSTANCE.compare(nothing, absent));
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue("a", 1.0), new KeyValue("a", 1.0))).isZero();
        assertThat(IndexKeyType.INSTANCE.compare(new KeyValue("a", 1.0), new KeyValue("a", 2.0))).isNegative();
    }
}
