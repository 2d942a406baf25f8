package io.kioskfleet.console.ous;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.ous.OrganisationUnits;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's organisation page: headquarters and the branch offices below it, with how far each is. */
@ConsolePage
public class OuPages {

    private final OrganisationUnits units;

    public OuPages(OrganisationUnits units) {
        this.units = units;
    }

    @GetMapping("/ous")
    public String tree(Model model) {
        model.addAttribute("rows", OuRow.outline(units.tree()));
        return "ous";
    }
}
