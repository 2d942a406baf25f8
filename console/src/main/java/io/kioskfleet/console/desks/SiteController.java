package io.kioskfleet.console.desks;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.Site;
import io.kioskfleet.core.desks.SiteDraft;
import io.kioskfleet.core.loans.LaptopLending;
import io.kioskfleet.core.loans.PoolLaptop;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sites}: sites with their floors and zones and booking limits, and each site's laptop pool. */
@RestController
@RequestMapping("/api/v1/sites")
public class SiteController {

    private final DeskCatalogue catalogue;
    private final LaptopLending lending;

    public SiteController(DeskCatalogue catalogue, LaptopLending lending) {
        this.catalogue = catalogue;
        this.lending = lending;
    }

    @GetMapping
    public List<Site> list(Actor actor) {
        return catalogue.sites(actor);
    }

    @GetMapping("/{id}")
    public Site get(Actor actor, @PathVariable String id) {
        return catalogue.site(actor, id);
    }

    @PostMapping
    public ResponseEntity<Site> create(Actor actor, @RequestBody SiteDraft draft) {
        Site site = catalogue.createSite(actor, draft);
        return ResponseEntity.created(URI.create("/api/v1/sites/" + site.id())).body(site);
    }

    @PutMapping("/{id}")
    public Site change(Actor actor, @PathVariable String id, @RequestBody SiteDraft draft,
                       @RequestParam(required = false) Long version) {
        return catalogue.changeSite(actor, id, draft, version);
    }

    @PostMapping("/{id}/floors")
    public ResponseEntity<Site> addFloor(Actor actor, @PathVariable String id, @RequestBody NameRequest floor) {
        return ResponseEntity.status(201).body(catalogue.addFloor(actor, id, floor.name()));
    }

    @PostMapping("/{id}/floors/{floorId}/zones")
    public ResponseEntity<Site> addZone(Actor actor, @PathVariable String id, @PathVariable String floorId,
                                        @RequestBody NameRequest zone) {
        return ResponseEntity.status(201).body(catalogue.addZone(actor, id, floorId, zone.name()));
    }

    /** Removes a site; 409 {@code site-has-desks} while it has desks. */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> remove(Actor actor, @PathVariable String id) {
        catalogue.removeSite(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/floors/{floorId}")
    public Site renameFloor(Actor actor, @PathVariable String id, @PathVariable String floorId, @RequestBody NameRequest floor) {
        return catalogue.renameFloor(actor, id, floorId, floor.name());
    }

    /** Removes a floor; 409 {@code floor-has-desks} while desks stand on it. */
    @DeleteMapping("/{id}/floors/{floorId}")
    public Site removeFloor(Actor actor, @PathVariable String id, @PathVariable String floorId) {
        return catalogue.removeFloor(actor, id, floorId);
    }

    /** Removes a zone; 409 {@code zone-has-desks} while desks belong to it. */
    @DeleteMapping("/{id}/floors/{floorId}/zones/{zoneId}")
    public Site removeZone(Actor actor, @PathVariable String id, @PathVariable String floorId, @PathVariable String zoneId) {
        return catalogue.removeZone(actor, id, floorId, zoneId);
    }

    @GetMapping("/{id}/laptops")
    public List<PoolLaptop> pool(Actor actor, @PathVariable String id) {
        return lending.pool(actor, id);
    }

    @PostMapping("/{id}/laptops")
    public ResponseEntity<PoolLaptop> addLaptop(Actor actor, @PathVariable String id, @RequestBody LaptopRequest laptop) {
        return ResponseEntity.status(201).body(lending.addToPool(actor, id, laptop.deviceId()));
    }

    @DeleteMapping("/{id}/laptops/{deviceId}")
    public ResponseEntity<Void> removeLaptop(Actor actor, @PathVariable String id, @PathVariable String deviceId) {
        lending.removeFromPool(actor, deviceId);
        return ResponseEntity.noContent().build();
    }
}
