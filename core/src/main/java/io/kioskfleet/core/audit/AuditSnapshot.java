package io.kioskfleet.core.audit;

import io.kioskfleet.core.store.StoreCodecs;
import io.kioskfleet.protocol.canonical.CanonicalJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * Turns a stored thing (a record or a map) into the canonical JSON the audit chain keeps as its
 * before or after state. It goes through the store's own codecs, so the snapshot shows exactly
 * the fields and precision the store holds.
 */
final class AuditSnapshot {

    private AuditSnapshot() {
    }

    static String of(Object state) {
        if (state == null) {
            return null;
        }
        BsonDocument bson = state instanceof Map<?, ?> map
            ? new Document(stringKeys(map)).toBsonDocument(BsonDocument.class, StoreCodecs.registry())
            : StoreCodecs.toBson(state);
        return CanonicalJson.write(plain(bson));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private static Object plain(BsonValue value) {
        return switch (value.getBsonType()) {
            case DOCUMENT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asDocument().forEach((key, inner) -> map.put(key, plain(inner)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asArray().forEach(inner -> list.add(plain(inner)));
                yield list;
            }
            case STRING -> value.asString().getValue();
            case INT32 -> value.asInt32().getValue();
            case INT64 -> value.asInt64().getValue();
            case DOUBLE -> value.asDouble().getValue();
            case DECIMAL128 -> value.asDecimal128().getValue().bigDecimalValue();
            case BOOLEAN -> value.asBoolean().getValue();
            case DATE_TIME -> Instant.ofEpochMilli(value.asDateTime().getValue());
            case OBJECT_ID -> value.asObjectId().getValue().toHexString();
            case NULL, UNDEFINED -> null;
            default -> throw new IllegalArgumentException("no audit form for BSON " + value.getBsonType());
        };
    }
}
