package io.kioskfleet.core.loans;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.VersionedDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores the pools in {@code pool_laptops} (one document per laptop, keyed by device id, with
 * its open loan inside, so "is it out?" and "who has it?" are one {@code _id} read and the open
 * loans are a scan of the pool, not of all loans ever) and every loan, once returned, in
 * {@code loans} as history.
 */
public final class LoanRepository implements DeclaresIndexes {

    static final String POOL = "pool_laptops";
    static final String LOANS = "loans";

    private final MongoCollection<PoolLaptop> pool;
    private final MongoCollection<Loan> loans;
    private final VersionedDocuments<PoolLaptop> versioned;

    public LoanRepository(FleetStore store) {
        this.pool = store.collection(POOL, PoolLaptop.class);
        this.loans = store.collection(LOANS, Loan.class);
        this.versioned = store.versioned(pool, "pool laptop", PoolLaptop::version);
    }

    @Override
    public String collectionName() {
        return POOL;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("siteId")));
    }

    Optional<PoolLaptop> find(String deviceId) {
        return versioned.find(deviceId);
    }

    /** The whole pool (every site's): a few laptops per desk at most. */
    List<PoolLaptop> all() {
        return pool.find().into(new ArrayList<>());
    }

    void insert(PoolLaptop laptop) {
        pool.insertOne(laptop);
    }

    void replace(PoolLaptop changed, long expectedVersion) {
        versioned.replace(changed.deviceId(), changed, expectedVersion);
    }

    void delete(PoolLaptop laptop) {
        versioned.delete(laptop.deviceId(), laptop.version());
    }

    /** Keeps a returned loan as history; keyed by its id, so keeping it twice keeps it once. */
    void keep(Loan returned) {
        loans.replaceOne(eq("_id", returned.id()), returned, new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /** Notes that {@code deviceId} started session {@code sessionId}, unless it is not pooled or a newer one is known. */
    void noteSession(String deviceId, String sessionId, Instant startedAt) {
        pool.updateOne(and(eq("_id", deviceId), or(eq("lastSessionStartedAt", null), lt("lastSessionStartedAt", startedAt))),
            Updates.combine(Updates.set("lastSessionId", sessionId), Updates.set("lastSessionStartedAt", startedAt),
                Updates.inc("version", 1L)));
    }
}
