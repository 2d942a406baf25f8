package io.kioskfleet.console.ous;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
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

/** {@code /api/v1/ous}: the organisation tree of headquarters and branch offices. */
@RestController
@RequestMapping("/api/v1/ous")
public class OuController {

    private final OrganisationUnits units;

    public OuController(OrganisationUnits units) {
        this.units = units;
    }

    /** Every unit, parents first; {@code ?view=tree} nests sub-units under their parents. */
    @GetMapping
    public List<OuView> list(@RequestParam(defaultValue = "flat") View view) {
        return view == View.tree
            ? units.tree().stream().map(OuView::of).toList()
            : units.all().stream().map(OuView::of).toList();
    }

    /** The two shapes of the list. */
    public enum View { flat, tree }

    @GetMapping("/{id}")
    public OuView get(@PathVariable String id) {
        return OuView.of(units.get(id));
    }

    @PostMapping
    public ResponseEntity<OuView> create(Actor actor, @RequestBody OuRequest request) {
        OrganisationUnit created = units.create(actor, request.draft());
        return ResponseEntity.created(URI.create("/api/v1/ous/" + created.id())).body(OuView.of(created));
    }

    @PutMapping("/{id}")
    public OuView change(Actor actor, @PathVariable String id, @RequestBody OuRequest request) {
        return OuView.of(units.change(actor, id, request.draft(), request.version()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> remove(Actor actor, @PathVariable String id, @RequestParam long version) {
        units.remove(actor, id, version);
        return ResponseEntity.noContent().build();
    }
}
