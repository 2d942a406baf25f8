package io.kioskfleet.console.ous;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.store.ConflictException;
import java.util.List;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's organisation pages: the outline of headquarters and branch offices, a form to add
 * a unit, and one unit's page to rename it, move it under another parent or change its address and
 * travel time. The rules (fleet admins only, no loops, a branch has an address) are
 * {@link OrganisationUnits}'.
 */
@ConsolePage
public class OuPages {

    private final OrganisationUnits units;

    public OuPages(OrganisationUnits units) {
        this.units = units;
    }

    @GetMapping("/ous")
    public String tree(Actor actor, Model model) {
        List<OuRow> rows = OuRow.outline(units.tree());
        model.addAttribute("rows", rows);
        model.addAttribute("parents", rows.stream().map(OuRow::unit).toList());
        model.addAttribute("canEdit", actor.has(Role.FLEET_ADMIN));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new OuDraft("", null, "", 0));
        }
        return "ous";
    }

    @PostMapping("/ous")
    public String create(Actor actor, Model model, @RequestParam String name, @RequestParam(required = false) String parentId,
                         @RequestParam(required = false) String address,
                         @RequestParam(required = false) Integer travelMinutes) {
        OuDraft draft = new OuDraft(name, parentId, address, travelMinutes);
        try {
            OrganisationUnit created = units.create(actor, draft);
            return "redirect:/ous/" + created.id() + "?created";
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
            model.addAttribute("draft", draft);
            return tree(actor, model);
        }
    }

    @GetMapping("/ous/{id}")
    public String unit(Actor actor, Model model, @PathVariable String id) {
        OrganisationUnit unit = units.get(id);
        model.addAttribute("unit", unit);
        model.addAttribute("canEdit", actor.has(Role.FLEET_ADMIN));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new OuDraft(unit.name(), unit.parentId(), unit.address(), unit.travelMinutes()));
        }
        model.addAttribute("parents", possibleParents(unit));
        return "ou";
    }

    @PostMapping("/ous/{id}")
    public String change(Actor actor, Model model, @PathVariable String id, @RequestParam String name,
                         @RequestParam(required = false) String parentId, @RequestParam(required = false) String address,
                         @RequestParam(required = false) Integer travelMinutes, @RequestParam long version) {
        OuDraft draft = new OuDraft(name, parentId, address, travelMinutes);
        try {
            units.change(actor, id, draft, version);
            return "redirect:/ous/" + id + "?saved";
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
        } catch (ConflictException conflict) {
            model.addAttribute("conflict", conflict);
        }
        model.addAttribute("draft", draft);
        return unit(actor, model, id);
    }

    /** Every unit but this one and those below it: moving under any of those would make a loop. */
    private List<OrganisationUnit> possibleParents(OrganisationUnit unit) {
        Set<String> below = units.subtreeOf(unit.id());
        return units.all().stream().filter(other -> !below.contains(other.id())).toList();
    }
}
