package io.kioskfleet.core.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: H2's own {@link ObjectDataType}, with the
 * same file format and the same order, but each key serialized once instead of at every comparison.
 *
 * <p>An index key ({@link KeyValue}) is not {@link Comparable}, so H2 orders such keys by their
 * Java-serialized bytes and serializes both sides of every comparison afresh: about forty
 * serializations per index per inserted document, most of the cost of an insert (a profile of a
 * 100,000-device wave spent over 80 % of the store's time there). Here the bytes are kept for as
 * long as the key object lives (weakly, so the page cache still decides what stays in memory),
 * and compared exactly as H2 compares them, so index files written before read the same.
 *
 * <p>Only keys made of plain values are kept: for those, equal keys (which share a cache entry)
 * have equal bytes. A key holding a sub-document is serialized each time, as H2 does.
 */
final class UniqueKeyOrder extends ObjectDataType {

    private final Map<KeyValue, byte[]> serialized = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public int compare(Object a, Object b) {
        if (a != b && a instanceof KeyValue first && b instanceof KeyValue second) {
            return compareNotNull(bytesOf(first), bytesOf(second));
        }
        return super.compare(a, b);
    }

    private byte[] bytesOf(KeyValue key) {
        if (!plain(key)) {
            return serialize(key);
        }
        byte[] bytes = serialized.get(key);
        if (bytes == null) {
            bytes = serialize(key);
            serialized.put(key, bytes);
        }
        return bytes;
    }

    /** True when every value of the key serializes the same as any value equal to it. */
    private static boolean plain(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }
}
