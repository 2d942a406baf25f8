package io.kioskfleet.console.desks;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.desks.BookingLimits;
import io.kioskfleet.core.desks.DeskAttribute;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.DeskDraft;
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

    public SitePages(DeskCatalogue catalogue, OrganisationUnits units, RefusalMessages refusals) {
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
