package io.kioskfleet.console.desks;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.desks.BookingLimits;
import io.kioskfleet.core.desks.DeskAttribute;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.DeskDraft;
import io.kioskfleet.core.desks.DeskRemoval;
import io.kioskfleet.core.desks.Floor;
import io.kioskfleet.core.desks.Site;
import io.kioskfleet.core.desks.SiteDraft;
import io.kioskfleet.core.desks.SlotKind;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins' pages for sites: create one, its floors, zones and desks, booking limits, and the QR labels to print. */
@ConsolePage
public class SitePages {

    private final DeskCatalogue catalogue;
    private final OrganisationUnits units;
    private final RefusalMessages refusals;
    private final DeskRemoval removal;

    public SitePages(DeskCatalogue catalogue, DeskRemoval removal, OrganisationUnits units, RefusalMessages refusals) {
        this.removal = removal;
        this.catalogue = catalogue;
        this.units = units;
        this.refusals = refusals;
    }

    @GetMapping("/sites")
    public String list(Actor actor, Model model) {
        model.addAttribute("sites", catalogue.sites(actor));
        model.addAttribute("units", units.all());
        model.addAttribute("unitNames", units.all().stream().collect(Collectors.toMap(OrganisationUnit::id, OrganisationUnit::name)));
        return "sites";
    }

    @PostMapping("/sites")
    public String create(Actor actor, Locale locale, RedirectAttributes redirect, @RequestParam String ouId,
                         @RequestParam String name) {
        String[] created = new String[1];
        List<String> errors = refusals.attempt(() -> catalogue.createSite(actor, new SiteDraft(ouId, name, null)),
            site -> created[0] = site.id(), locale);
        if (errors != null) {
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/sites";
        }
        return "redirect:/sites/" + created[0];
    }

    @GetMapping("/sites/{id}")
    public String site(Actor actor, Model model, @PathVariable String id) {
        Site site = catalogue.site(actor, id);
        model.addAttribute("site", site);
        model.addAttribute("floorNames", site.floors().stream().collect(Collectors.toMap(Floor::id, Floor::name)));
        model.addAttribute("desks", catalogue.desks(actor, id, null));
        model.addAttribute("attributes", DeskAttribute.values());
        model.addAttribute("slotKinds", SlotKind.values());
        return "site";
    }

    @PostMapping("/sites/{id}/limits")
    public String limits(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id,
                         @RequestParam int maxDaysAhead, @RequestParam int maxPerWeek,
                         @RequestParam(required = false) Set<SlotKind> allowedSlots, @RequestParam int noShowGraceMinutes) {
        Site site = catalogue.site(actor, id);
        BookingLimits limits = new BookingLimits(maxDaysAhead, maxPerWeek,
            allowedSlots == null ? EnumSet.noneOf(SlotKind.class) : allowedSlots, noShowGraceMinutes);
        return back(redirect, id, refusals.attempt(() -> catalogue.changeSite(actor, id, new SiteDraft(null, site.name(), limits), null),
            locale));
    }

    @PostMapping("/sites/{id}/floors")
    public String addFloor(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id,
                           @RequestParam String name) {
        return back(redirect, id, refusals.attempt(() -> catalogue.addFloor(actor, id, name), locale));
    }

    @PostMapping("/sites/{id}/floors/{floorId}/zones")
    public String addZone(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id,
                          @PathVariable String floorId, @RequestParam String name) {
        return back(redirect, id, refusals.attempt(() -> catalogue.addZone(actor, id, floorId, name), locale));
    }

    @PostMapping("/sites/{id}/desks")
    public String addDesk(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id,
                          @RequestParam String floorId, @RequestParam(required = false) String zoneId, @RequestParam String name,
                          @RequestParam(required = false) Set<DeskAttribute> attributes) {
        String zone = zoneId == null || zoneId.isBlank() ? null : zoneId;
        return back(redirect, id, refusals.attempt(() -> catalogue.createDesk(actor,
            new DeskDraft(id, floorId, zone, name, attributes == null ? Set.of() : attributes, null)), locale));
    }

    @PostMapping("/sites/{id}/name")
    public String rename(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id,
                         @RequestParam String name) {
        Site site = catalogue.site(actor, id);
        return back(redirect, id, refusals.attempt(() -> catalogue.changeSite(actor, id, new SiteDraft(null, name, site.limits()),
            null), locale));
    }

    /** Removes the site (refused while it has desks) and goes back to the list of sites. */
    @PostMapping("/sites/{id}/remove")
    public String remove(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id) {
        List<String> errors = refusals.attempt(() -> catalogue.removeSite(actor, id), locale);
        if (errors != null) {
            return back(redirect, id, errors);
        }
        redirect.addFlashAttribute("done", "removed");
        return "redirect:/sites";
    }

    @PostMapping("/sites/{id}/floors/{floorId}/name")
    public String renameFloor(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id,
                              @PathVariable String floorId, @RequestParam String name) {
        return back(redirect, id, refusals.attempt(() -> catalogue.renameFloor(actor, id, floorId, name), locale));
    }

    @PostMapping("/sites/{id}/floors/{floorId}/remove")
    public String removeFloor(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id,
                              @PathVariable String floorId) {
        return back(redirect, id, refusals.attempt(() -> catalogue.removeFloor(actor, id, floorId), locale));
    }

    @PostMapping("/sites/{id}/floors/{floorId}/zones/{zoneId}/remove")
    public String removeZone(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id,
                             @PathVariable String floorId, @PathVariable String zoneId) {
        return back(redirect, id, refusals.attempt(() -> catalogue.removeZone(actor, id, floorId, zoneId), locale));
    }

    /** One desk's form: its label, floor, zone, equipment and whether it can be booked; and removing it. */
    @GetMapping("/sites/{id}/desks/{deskId}")
    public String desk(Actor actor, Model model, @PathVariable String id, @PathVariable String deskId) {
        model.addAttribute("site", catalogue.site(actor, id));
        model.addAttribute("desk", catalogue.desk(actor, deskId));
        model.addAttribute("attributes", DeskAttribute.values());
        return "desk-edit";
    }

    @PostMapping("/sites/{id}/desks/{deskId}")
    public String changeDesk(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id,
                             @PathVariable String deskId, @RequestParam String floorId,
                             @RequestParam(required = false) String zoneId, @RequestParam String name,
                             @RequestParam(required = false) Set<DeskAttribute> attributes,
                             @RequestParam(defaultValue = "false") boolean bookable) {
        String zone = zoneId == null || zoneId.isBlank() ? null : zoneId;
        return backFromDesk(redirect, id, deskId, refusals.attempt(() -> catalogue.changeDesk(actor, deskId,
            new DeskDraft(null, floorId, zone, name, attributes == null ? Set.of() : attributes, bookable), null), locale));
    }

    /** Removes a desk; refused with the reason while bookings from today on hold it. */
    @PostMapping("/sites/{id}/desks/{deskId}/remove")
    public String removeDesk(Actor actor, Locale locale, RedirectAttributes redirect, @PathVariable String id,
                             @PathVariable String deskId) {
        return backFromDesk(redirect, id, deskId, refusals.attempt(() -> removal.remove(actor, deskId), locale));
    }

    /** Back to the site when a desk's change went through; back to the desk's form, with why, when it was refused. */
    private static String backFromDesk(RedirectAttributes redirect, String siteId, String deskId, List<String> errors) {
        if (errors != null) {
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/sites/" + siteId + "/desks/" + deskId;
        }
        return "redirect:/sites/" + siteId;
    }

    /** A sheet of desk labels with their QR codes, to print and stick on the desks. */
    @GetMapping("/sites/{id}/labels")
    public String labels(Actor actor, Model model, @PathVariable String id) {
        model.addAttribute("site", catalogue.site(actor, id));
        model.addAttribute("desks", catalogue.desks(actor, id, null));
        return "site-labels";
    }

    private static String back(RedirectAttributes redirect, String siteId, List<String> errors) {
        if (errors != null) {
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:/sites/" + siteId;
    }
}
