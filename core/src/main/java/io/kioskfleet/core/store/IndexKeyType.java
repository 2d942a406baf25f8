package io.kioskfleet.core.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.Objects;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The key type of the embedded store's unique indexes created from now on: each value of a key
 * written as itself (a string as its characters, a number as a double, anything else as its BSON
 * value, as the wire protocol encodes it) and keys compared by their values, in MongoDB's order.
 *
 * <p>The older key type ({@link UniqueKeyOrder}, H2's default for objects) writes each key with
 * Java serialisation and orders keys by those bytes: every index page read from disk ran an
 * {@code ObjectInputStream} per key and every comparison with a key new to memory an {@code
 * ObjectOutputStream}. Measured on the check-in benchmark, index lookups were over half of what
 * the store allocated (bench/RESULTS.md, session 6). Indexes written before keep that type (the
 * choice is noted per index in its collection's meta map, {@link DurableH2Backend}).
 *
 * <p>Keys are ordered by their values as MongoDB orders values ({@link ValueComparator}), and
 * two keys are the same key exactly when their values are equal, as before: values MongoDB ranks
 * alike but Java does not hold equal (an int and a double of the same value, absent and null) are
 * ordered by their class, so the order stays total and nothing now refused as a duplicate was
 * accepted before. (The store hands indexes normalised keys, numbers as doubles and absent as null,
 * so those rarely meet.)
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();
    private static final byte MISSING = 0;
    private static final byte NULL = 1;
    private static final byte STRING = 2;
    private static final byte DOUBLE = 3;
    private static final byte BSON = 4;

    private IndexKeyType() {
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += value instanceof String text ? 40 + text.length() : 32;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            writeValue(buffer, value);
        }
    }

    private static void writeValue(WriteBuffer buffer, Object value) {
        if (value instanceof Missing) {
            buffer.put(MISSING);
        } else if (value == null) {
            buffer.put(NULL);
        } else if (value instanceof String text) {
            buffer.put(STRING).putVarInt(text.length()).putStringData(text, text.length());
        } else if (value instanceof Double number) {
            buffer.put(DOUBLE).putDouble(number);
        } else {
            ByteBuf bson = Unpooled.buffer(32);
            try {
                byte type = BsonEncoder.determineType(value);
                BsonEncoder.encodeValue(type, value, bson);
                int length = bson.readableBytes();
                buffer.put(BSON).put(type).putVarInt(length).put(bson.nioBuffer(bson.readerIndex(), length));
            } finally {
                bson.release();
            }
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < values.length; i++) {
            values[i] = readValue(buffer);
        }
        return new KeyValue(values);
    }

    private static Object readValue(ByteBuffer buffer) {
        byte tag = buffer.get();
        switch (tag) {
            case MISSING:
                return Missing.getInstance();
            case NULL:
                return null;
            case STRING:
                return DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
            case DOUBLE:
                return buffer.getDouble();
            case BSON:
                byte type = buffer.get();
                int length = DataUtils.readVarInt(buffer);
                ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice().limit(length));
                buffer.position(buffer.position() + length);
                return BsonDecoder.decodeValue(type, bson);
            default:
                throw new IllegalStateException("not a key value written by " + IndexKeyType.class.getSimpleName()
                    + ": tag " + tag);
        }
    }

    @Override
    public int compare(KeyValue first, KeyValue second) {
        if (first == second) {
            return 0;
        }
        int common = Math.min(first.size(), second.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(first.get(i), second.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(first.size(), second.size());
    }

    private static int compareValues(Object first, Object second) {
        if (first == second) {
            return 0;
        }
        int order = VALUES.compare(first, second);
        if (order != 0 || Objects.equals(first, second)) {
            return order;
        }
        // Equal for MongoDB, not for Java: keep them apart, in an order that does not change.
        order = className(first).compareTo(className(second));
        return order != 0 ? order : String.valueOf(first).compareTo(String.valueOf(second));
    }

    private static String className(Object value) {
        return value == null ? "" : value.getClass().getName();
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
