package io.kioskfleet.core.ous;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.VersionedDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores organisation units in {@code ous}. The whole tree is small, so reads take all of it. */
public final class OuRepository implements DeclaresIndexes {

    static final String COLLECTION = "ous";

    private final MongoCollection<OrganisationUnit> units;
    private final VersionedDocuments<OrganisationUnit> versioned;

    public OuRepository(FleetStore store) {
        this.units = store.collection(COLLECTION, OrganisationUnit.class);
        this.versioned = store.versioned(units, "organisation unit", OrganisationUnit::version);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
            new IndexModel(Indexes.ascending("siblingKey"), new IndexOptions().unique(true).name("unique_sibling_name")),
            new IndexModel(Indexes.ascending("parentId")));
    }

    Optional<OrganisationUnit> find(String id) {
        return versioned.find(id);
    }

    boolean exists(String id) {
        return units.find(eq("_id", id)).first() != null;
    }

    List<OrganisationUnit> all() {
        return units.find().into(new ArrayList<>());
    }

    void insert(OrganisationUnit unit) {
        try {
            units.insertOne(unit);
        } catch (MongoException e) {
            throw duplicateOr(e, unit);
        }
    }

    /** Replaces {@code changed} if the stored one is still at {@code expectedVersion}. */
    void replace(OrganisationUnit changed, long expectedVersion) {
        try {
            versioned.replace(changed.id(), changed, expectedVersion);
        } catch (MongoException e) {
            throw duplicateOr(e, changed);
        }
    }

    /** Removes a unit just created, when what it was created under vanished meanwhile. */
    void deleteCreated(String id) {
        units.deleteOne(and(eq("_id", id), eq("version", 1L)));
    }

    void delete(String id, long expectedVersion) {
        versioned.delete(id, expectedVersion);
    }

    private static RuntimeException duplicateOr(MongoException e, OrganisationUnit unit) {
        if (!DuplicateKeys.isDuplicateKey(e)) {
            return e;
        }
        if (unit.parentId() == null) {
            return new ConflictException("headquarters-exists", "there is already a headquarters; a new unit needs a parentId");
        }
        return new ConflictException("duplicate-ou-name",
            "the parent already has a unit named '" + unit.name() + "'");
    }
}
