package io.kioskfleet.core.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores the embedded store's documents as BSON, with the same encoder and decoder its wire
 * protocol uses, instead of H2's default for objects (Java serialisation of each document's maps,
 * with class descriptors, at every page read and write). A document stored and read back is the
 * document the wire would have carried, so nothing a query sees changes. Each value is its length
 * (a variable-length int) and then its BSON bytes.
 *
 * <p>Measured (bench/RESULTS.md, session 5): reading a month of sessions and attestations is
 * several times faster; writing too.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();
    /** What H2 counts per document for its page cache, as its default type does for serialized objects. */
    private static final int ESTIMATED_MEMORY = 1000;

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return ESTIMATED_MEMORY;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buffer.putVarInt(length);
            buffer.put(bson.nioBuffer(bson.readerIndex(), length));
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice().limit(length));
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(bson);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
