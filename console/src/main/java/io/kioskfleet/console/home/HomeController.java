package io.kioskfleet.console.home;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.findings.Attention;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.overview.FleetOverview;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's start page: the organisation at a glance and where to go next. */
@ConsolePage
public class HomeController {

    private final OrganisationUnits units;
    private final FleetOverview overview;
    private final Attention attention;

    public HomeController(OrganisationUnits units, FleetOverview overview, Attention attention) {
        this.units = units;
        this.overview = overview;
        this.attention = attention;
    }

    @GetMapping("/")
    public String home(Actor actor, Model model) {
        model.addAttribute("units", units.all());
        addOverview(actor, model);
        return "home";
    }

    /** Just the live part of the dashboard, which the page fetches again every half minute. */
    @GetMapping("/overview")
    public String live(Actor actor, Model model) {
        addOverview(actor, model);
        return "home :: overview";
    }

    private void addOverview(Actor actor, Model model) {
        model.addAttribute("overview", overview.now(actor).orElse(null));
        model.addAttribute("attention", attention.now(actor).orElse(null));
    }
}
