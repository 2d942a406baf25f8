package io.kioskfleet.core.enrollment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.VersionedDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Stores enrollment tokens in {@code enrollment_tokens}. A token is found by the hash of its
 * secret through a unique index (a fast lookup on the embedded store too), and a use is taken
 * with one conditional update, so concurrent enrollments can never take more uses than there are.
 */
public final class EnrollmentTokenRepository implements DeclaresIndexes {

    static final String COLLECTION = "enrollment_tokens";

    private final MongoCollection<EnrollmentToken> tokens;
    private final VersionedDocuments<EnrollmentToken> versioned;

    public EnrollmentTokenRepository(FleetStore store) {
        this.tokens = store.collection(COLLECTION, EnrollmentToken.class);
        this.versioned = store.versioned(tokens, "enrollment token", EnrollmentToken::version);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
            new IndexModel(Indexes.ascending("secretHash"), new IndexOptions().unique(true).name("unique_secret_hash")),
            new IndexModel(Indexes.ascending("ouId")));
    }

    Optional<EnrollmentToken> find(String id) {
        return versioned.find(id);
    }

    Optional<EnrollmentToken> findBySecretHash(String secretHash) {
        return Optional.ofNullable(tokens.find(eq("secretHash", secretHash)).first());
    }

    /** Tokens of the given units (null: every unit), newest first. */
    List<EnrollmentToken> list(Set<String> ouIds) {
        var filter = ouIds == null ? new Document() : in("ouId", ouIds);
        return tokens.find(filter).sort(Sorts.descending("_id")).into(new ArrayList<>());
    }

    void insert(EnrollmentToken token) {
        tokens.insertOne(token);
    }

    /**
     * Takes one use if the token is unrevoked, unexpired at {@code now} and has a use left, in
     * one atomic update.
     *
     * @return true when a use was taken
     */
    boolean takeUse(String id, Instant now) {
        return tokens.findOneAndUpdate(
            and(eq("_id", id), eq("revokedAt", null), gt("expiresAt", now), gt("usesLeft", 0)),
            Updates.combine(Updates.inc("usesLeft", -1), Updates.inc("version", 1L))) != null;
    }

    /** Gives back a use taken by {@link #takeUse} for an enrollment that did not happen. */
    void giveBackUse(String id) {
        tokens.updateOne(eq("_id", id), Updates.combine(Updates.inc("usesLeft", 1), Updates.inc("version", 1L)));
    }

    /** Marks the token revoked if it is still at {@code expectedVersion}. */
    void revoke(String id, long expectedVersion, Instant now, String by) {
        versioned.update(id, expectedVersion, Updates.combine(Updates.set("revokedAt", now), Updates.set("revokedBy", by),
            Updates.inc("version", 1L)));
    }
}
