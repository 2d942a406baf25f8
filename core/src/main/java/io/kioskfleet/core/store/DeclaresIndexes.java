package io.kioskfleet.core.store;

import com.mongodb.client.model.IndexModel;
import java.util.List;

/**
 * A repository that needs indexes on its collection. The indexes live next to the queries
 * that need them and are created at start-up by {@link IndexBootstrap}.
 */
public interface DeclaresIndexes {

    /** The collection the indexes belong to. */
    String collectionName();

    /** The indexes; unique ones carry the business rules that must never be broken. */
    List<IndexModel> indexes();
}
