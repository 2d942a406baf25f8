package io.kioskfleet.console.enrollment;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.enrollment.EnrollmentTokens;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's enrollment tokens: create one for a unit (its secret shown once, to type into
 * the laptops being set up), see how many uses are left, revoke.
 */
@ConsolePage
public class EnrollmentTokenPages {

    private final EnrollmentTokens tokens;
    private final OrganisationUnits units;

    public EnrollmentTokenPages(EnrollmentTokens tokens, OrganisationUnits units) {
        this.tokens = tokens;
        this.units = units;
    }

    @GetMapping("/enrollment-tokens")
    public String list(Actor actor, Model model) {
        model.addAttribute("tokens", tokens.list(actor));
        model.addAttribute("units", units.all());
        model.addAttribute("unitNames", units.all().stream().collect(Collectors.toMap(OrganisationUnit::id, OrganisationUnit::name)));
        return "enrollment-tokens";
    }

    @PostMapping("/enrollment-tokens")
    public String create(Actor actor, Model model, @RequestParam String ouId, @RequestParam(required = false) Integer maxUses,
                         @RequestParam(required = false) String note) {
        try {
            model.addAttribute("issued", tokens.create(actor, new EnrollmentTokenDraft(ouId, null, maxUses, note)));
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
        }
        return list(actor, model);
    }

    @PostMapping("/enrollment-tokens/{id}/revoke")
    public String revoke(Actor actor, @PathVariable String id) {
        tokens.revoke(actor, id, null);
        return "redirect:/enrollment-tokens";
    }
}
