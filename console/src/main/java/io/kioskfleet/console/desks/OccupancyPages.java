package io.kioskfleet.console.desks;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.DeskOccupancy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Facilities' occupancy page: utilisation per floor and weekday as bars (SVG drawn on the server) and a CSV download. */
@ConsolePage
public class OccupancyPages {

    private final DeskOccupancy occupancy;
    private final DeskCatalogue catalogue;
    private final RefusalMessages refusals;
    private final Clock clock;
    private final ZoneId zone;

    public OccupancyPages(DeskOccupancy occupancy, DeskCatalogue catalogue, RefusalMessages refusals, Clock clock,
                          @Value("${kioskfleet.time-zone:Asia/Tokyo}") ZoneId zone) {
        this.occupancy = occupancy;
        this.catalogue = catalogue;
        this.refusals = refusals;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/occupancy")
    public String report(Actor actor, Locale locale, Model model, @RequestParam(required = false) String site,
                         @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate start = from == null ? today.minusDays(27) : from;
        LocalDate end = to == null ? today : to;
        var sites = catalogue.sites(actor);
        String chosen = site != null ? site : sites.isEmpty() ? null : sites.get(0).id();
        model.addAttribute("sites", sites);
        model.addAttribute("site", chosen);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        if (chosen != null) {
            model.addAttribute("errors", refusals.attempt(() -> occupancy.report(actor, chosen, start, end),
                rows -> model.addAttribute("rows", rows), locale));
        }
        return "occupancy";
    }
}
