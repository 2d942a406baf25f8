package io.kioskfleet.core.store;

import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * The codecs documents are stored with: the driver's defaults, which map Java records (with
 * {@code @BsonId} on the id component), enums and {@code java.time} values.
 */
public final class StoreCodecs {

    private StoreCodecs() {
    }

    /** The registry every collection uses. */
    public static CodecRegistry registry() {
        return MongoClientSettings.getDefaultCodecRegistry();
    }

    /** The stored form of {@code value}, exactly as the store would hold it. */
    @SuppressWarnings("unchecked")
    public static <T> BsonDocument toBson(T value) {
        BsonDocument document = new BsonDocument();
        var codec = registry().get((Class<T>) value.getClass());
        codec.encode(new BsonDocumentWriter(document), value, EncoderContext.builder().build());
        return document;
    }
}
