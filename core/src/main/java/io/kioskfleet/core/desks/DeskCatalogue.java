package io.kioskfleet.core.desks;

import com.mongodb.MongoException;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sites, their floors and zones, and desks: admins set them up (fleet admins everywhere, branch
 * admins at their units' sites, every change audited); everyone signed in may look at them.
 */
public final class DeskCatalogue {

    /** Everyone with a role may see sites and desks: staff need them to book. */
    static final Role[] VIEWERS = Role.values();
    private static final int MAX_NAME = 60;

    private final SiteRepository sites;
    private final DeskRepository desks;
    private final OrganisationUnits units;
    private final AuditChain audit;
    private final Clock clock;

    public DeskCatalogue(SiteRepository sites, DeskRepository desks, OrganisationUnits units, AuditChain audit, Clock clock) {
        this.sites = sites;
        this.desks = desks;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a site for a unit in the admin's scope. */
    public Site createSite(Actor actor, SiteDraft draft) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        InputCheck check = new InputCheck();
        draft.check(check);
        check.orThrow();
        units.requireInScope(actor, draft.ouId());
        if (!units.exists(draft.ouId())) {
            throw new InvalidInputException("ouId", "no organisation unit with id " + draft.ouId());
        }
        Site site = new Site(IdKind.SITE.newId(), draft.ouId(), draft.name().strip(), draft.limitsOrDefault(), List.of(),
            clock.instant(), 1);
        audit.record(actor, Change.created("site.create", SiteRepository.COLLECTION, "site", site.id(), 1, site),
            () -> unique("duplicate-site", "the unit already has a site named " + site.name(), () -> {
                sites.insert(site);
                return site;
            }));
        return site;
    }

    /** Renames a site or changes its booking limits (its unit stays). */
    public Site changeSite(Actor actor, String id, SiteDraft draft, Long expectedVersion) {
        Site current = managed(actor, id);
        InputCheck check = new InputCheck();
        new SiteDraft(current.ouId(), draft.name(), draft.limits()).check(check);
        check.require(draft.ouId() == null || draft.ouId().equals(current.ouId()), "ouId", "cannot change; create a new site");
        check.orThrow();
        long version = expectedVersion == null ? current.version() : expectedVersion;
        Site changed = new Site(current.id(), current.ouId(), current.name(), current.limits(), current.floors(),
            current.createdAt(), version).renamed(draft.name().strip(), draft.limits() == null ? current.limits() : draft.limits());
        return changeStored(actor, "site.change", current, changed, version);
    }

    /** Adds a floor to a site. */
    public Site addFloor(Actor actor, String siteId, String name) {
        Site current = managed(actor, siteId);
        requireName(name);
        Floor floor = new Floor(IdKind.FLOOR.newId(), name.strip(), List.of());
        return changeStored(actor, "site.floor.add", current, current.withFloor(floor), current.version());
    }

    /** Adds a zone to a floor of a site. */
    public Site addZone(Actor actor, String siteId, String floorId, String name) {
        Site current = managed(actor, siteId);
        requireName(name);
        Floor floor = current.floor(floorId).orElseThrow(() -> new NotFoundException("floor", floorId));
        List<Zone> zones = new ArrayList<>(floor.zones());
        zones.add(new Zone(IdKind.ZONE.newId(), name.strip()));
        return changeStored(actor, "site.zone.add", current,
            current.withFloors(replaced(current, new Floor(floor.id(), floor.name(), zones))), current.version());
    }

    /** Renames a floor of a site (its desks stay on it). */
    public Site renameFloor(Actor actor, String siteId, String floorId, String name) {
        Site current = managed(actor, siteId);
        requireName(name);
        Floor floor = current.floor(floorId).orElseThrow(() -> new NotFoundException("floor", floorId));
        return changeStored(actor, "site.floor.rename", current,
            current.withFloors(replaced(current, new Floor(floor.id(), name.strip(), floor.zones()))), current.version());
    }

    /** Removes a floor of a site; refused with {@code floor-has-desks} while desks stand on it. */
    public Site removeFloor(Actor actor, String siteId, String floorId) {
        Site current = managed(actor, siteId);
        Floor floor = current.floor(floorId).orElseThrow(() -> new NotFoundException("floor", floorId));
        if (!desks.onFloor(floorId).isEmpty()) {
            throw new ConflictException("floor-has-desks", "floor " + floor.name() + " still has "
                + desks.onFloor(floorId).size() + " desks; remove or move them first");
        }
        return changeStored(actor, "site.floor.remove", current,
            current.withFloors(current.floors().stream().filter(f -> !f.id().equals(floorId)).toList()), current.version());
    }

    /** Removes a zone of a floor; refused with {@code zone-has-desks} while desks belong to it. */
    public Site removeZone(Actor actor, String siteId, String floorId, String zoneId) {
        Site current = managed(actor, siteId);
        Floor floor = current.floor(floorId).orElseThrow(() -> new NotFoundException("floor", floorId));
        Zone zone = floor.zone(zoneId).orElseThrow(() -> new NotFoundException("zone", zoneId));
        if (desks.onFloor(floorId).stream().anyMatch(desk -> zoneId.equals(desk.zoneId()))) {
            throw new ConflictException("zone-has-desks", "zone " + zone.name() + " still has desks; move them to another zone first");
        }
        Floor without = new Floor(floor.id(), floor.name(), floor.zones().stream().filter(z -> !z.id().equals(zoneId)).toList());
        return changeStored(actor, "site.zone.remove", current, current.withFloors(replaced(current, without)), current.version());
    }

    /** Removes a site; refused with {@code site-has-desks} while it has desks. */
    public void removeSite(Actor actor, String siteId) {
        Site current = managed(actor, siteId);
        if (!desks.atSite(siteId).isEmpty()) {
            throw new ConflictException("site-has-desks", "site " + current.name() + " still has "
                + desks.atSite(siteId).size() + " desks; remove them first");
        }
        audit.record(actor, Change.removed("site.remove", SiteRepository.COLLECTION, "site", siteId, current.version(), current),
            () -> sites.delete(current));
    }

    /** The desk {@code id} if the actor may change it (an admin in its site's scope). */
    Desk managedDesk(Actor actor, String id) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        Desk desk = desk(id);
        units.requireInScope(actor, desk.ouId());
        return desk;
    }

    /** Removes {@code desk} (its caller has made sure no booking still needs it). */
    void deleteDesk(Actor actor, Desk desk) {
        audit.record(actor, Change.removed("desk.remove", DeskRepository.COLLECTION, "desk", desk.id(), desk.version(), desk),
            () -> desks.delete(desk));
    }

    private static List<Floor> replaced(Site site, Floor floor) {
        return site.floors().stream().map(existing -> existing.id().equals(floor.id()) ? floor : existing).toList();
    }

    /** Every site, by name. */
    public List<Site> sites(Actor actor) {
        actor.requireAny(VIEWERS);
        return sites.all().stream().sorted(Comparator.comparing(Site::name)).toList();
    }

    /** One site. */
    public Site site(Actor actor, String id) {
        actor.requireAny(VIEWERS);
        return site(id);
    }

    /** Creates a desk on a floor of a site in the admin's scope. */
    public Desk createDesk(Actor actor, DeskDraft draft) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        InputCheck check = new InputCheck();
        draft.check(check);
        check.orThrow();
        Site site = sites.find(draft.siteId()).orElseThrow(() -> new InvalidInputException("siteId", "no site with id " + draft.siteId()));
        units.requireInScope(actor, site.ouId());
        draft.checkPlace(check, site);
        check.orThrow();
        Desk desk = new Desk(IdKind.DESK.newId(), site.id(), site.ouId(), draft.floorId(), draft.zoneId(), draft.name().strip(),
            draft.attributes(), draft.bookable() == null || draft.bookable(), 1);
        audit.record(actor, Change.created("desk.create", DeskRepository.COLLECTION, "desk", desk.id(), 1, desk),
            () -> unique("duplicate-desk", "site " + site.name() + " already has a desk named " + desk.name(), () -> {
                desks.insert(desk);
                return desk;
            }));
        return desk;
    }

    /** Moves, renames, re-equips or takes a desk out of use; bookings already made stay. */
    public Desk changeDesk(Actor actor, String id, DeskDraft draft, Long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        Desk current = desk(id);
        units.requireInScope(actor, current.ouId());
        DeskDraft placed = new DeskDraft(current.siteId(), draft.floorId(), draft.zoneId(), draft.name(), draft.attributes(),
            draft.bookable());
        InputCheck check = new InputCheck();
        placed.check(check);
        check.require(draft.siteId() == null || draft.siteId().equals(current.siteId()), "siteId", "cannot change; create a new desk");
        check.orThrow();
        placed.checkPlace(check, site(current.siteId()));
        check.orThrow();
        long version = expectedVersion == null ? current.version() : expectedVersion;
        Desk changed = new Desk(current.id(), current.siteId(), current.ouId(), placed.floorId(), placed.zoneId(),
            placed.name().strip(), placed.attributes(), placed.bookable() == null || placed.bookable(), version + 1);
        audit.record(actor, Change.changed("desk.change", DeskRepository.COLLECTION, "desk", id, changed.version(), current, changed),
            () -> unique("duplicate-desk", "the site already has a desk named " + changed.name(), () -> {
                desks.replace(changed, version);
                return changed;
            }));
        return changed;
    }

    /** The desks of a site, or of one of its floors (floorId not null), by name. */
    public List<Desk> desks(Actor actor, String siteId, String floorId) {
        actor.requireAny(VIEWERS);
        return floorId == null ? desks.atSite(siteId) : desks.onFloor(floorId);
    }

    /** One desk. */
    public Desk desk(Actor actor, String id) {
        actor.requireAny(VIEWERS);
        return desk(id);
    }

    Desk desk(String id) {
        return desks.find(id).orElseThrow(() -> new NotFoundException("desk", id));
    }

    Optional<Desk> findDesk(String id) {
        return desks.find(id);
    }

    Site site(String id) {
        return sites.find(id).orElseThrow(() -> new NotFoundException("site", id));
    }

    List<Desk> desksOnFloor(String floorId) {
        return desks.onFloor(floorId);
    }

    private Site managed(Actor actor, String siteId) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        Site site = site(siteId);
        units.requireInScope(actor, site.ouId());
        return site;
    }

    private Site changeStored(Actor actor, String action, Site current, Site changed, long expectedVersion) {
        audit.record(actor, Change.changed(action, SiteRepository.COLLECTION, "site", current.id(), changed.version(), current,
            changed), () -> unique("duplicate-site", "the unit already has a site named " + changed.name(), () -> {
                sites.replace(changed, expectedVersion);
                return changed;
            }));
        return changed;
    }

    private static void requireName(String name) {
        new InputCheck().require(name != null && !name.isBlank() && name.length() <= MAX_NAME, "name",
            "must be 1 to " + MAX_NAME + " characters").orThrow();
    }

    /** Runs a write that a unique index may refuse, turning the refusal into a conflict the caller understands. */
    private static <T> T unique(String reason, String message, Supplier<T> write) {
        try {
            return write.get();
        } catch (MongoException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                throw new ConflictException(reason, message);
            }
            throw e;
        }
    }
}
