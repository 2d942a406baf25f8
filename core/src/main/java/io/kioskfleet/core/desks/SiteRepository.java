package io.kioskfleet.core.desks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.kioskfleet.core.store.DeclaresIndexes;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.VersionedDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores sites (with their floors and zones) in {@code sites}; a unit cannot have two sites of one name. */
public final class SiteRepository implements DeclaresIndexes {

    static final String COLLECTION = "sites";

    private final MongoCollection<Site> sites;
    private final VersionedDocuments<Site> versioned;

    public SiteRepository(FleetStore store) {
        this.sites = store.collection(COLLECTION, Site.class);
        this.versioned = store.versioned(sites, "site", Site::version);
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("ouId", "name"), new IndexOptions().unique(true).name("unique_site_name")));
    }

    Optional<Site> find(String id) {
        return versioned.find(id);
    }

    /** Every site: there are few (one or two per branch office). */
    List<Site> all() {
        return sites.find().into(new ArrayList<>());
    }

    void insert(Site site) {
        sites.insertOne(site);
    }

    void replace(Site changed, long expectedVersion) {
        versioned.replace(changed.id(), changed, expectedVersion);
    }

    void delete(Site site) {
        versioned.delete(site.id(), site.version());
    }
}
