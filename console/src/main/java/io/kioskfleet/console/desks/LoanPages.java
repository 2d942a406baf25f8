package io.kioskfleet.console.desks;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.loans.CheckoutRequest;
import io.kioskfleet.core.loans.LaptopLending;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The lending desk's page: each site's pool, laptops out (overdue first), hand one out, take one back. */
@ConsolePage
public class LoanPages {

    private final LaptopLending lending;
    private final DeskCatalogue catalogue;
    private final RefusalMessages refusals;
    private final Clock clock;
    private final ZoneId zone;

    public LoanPages(LaptopLending lending, DeskCatalogue catalogue, RefusalMessages refusals, Clock clock,
                     @Value("${kioskfleet.time-zone:Asia/Tokyo}") ZoneId zone) {
        this.lending = lending;
        this.catalogue = catalogue;
        this.refusals = refusals;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/loans")
    public String loans(Actor actor, Model model) {
        model.addAttribute("sites", catalogue.sites(actor));
        model.addAttribute("pool", lending.pool(actor, null));
        model.addAttribute("overdue", lending.overdue(actor));
        model.addAttribute("now", clock.instant());
        return "loans";
    }

    @PostMapping("/loans")
    public String checkout(Actor actor, Locale locale, RedirectAttributes redirect, @RequestParam String deviceId,
                           @RequestParam(required = false) String borrower, @RequestParam(required = false) LocalDate dueDate) {
        String who = borrower == null || borrower.isBlank() ? null : borrower;
        var due = dueDate == null ? null : dueDate.atTime(20, 0).atZone(zone).toInstant();
        return back(redirect, refusals.attempt(() -> lending.checkout(actor, new CheckoutRequest(deviceId, who, null, due)),
            loan -> redirect.addFlashAttribute("done", "checkout"), locale));
    }

    @PostMapping("/loans/return")
    public String giveBack(Actor actor, Locale locale, RedirectAttributes redirect, @RequestParam String deviceId) {
        return back(redirect, refusals.attempt(() -> lending.giveBack(actor, deviceId),
            receipt -> redirect.addFlashAttribute("returned", receipt), locale));
    }

    @PostMapping("/loans/pool")
    public String addToPool(Actor actor, Locale locale, RedirectAttributes redirect, @RequestParam String siteId,
                            @RequestParam String deviceId) {
        return back(redirect, refusals.attempt(() -> lending.addToPool(actor, siteId, deviceId.strip()), locale));
    }

    private static String back(RedirectAttributes redirect, List<String> errors) {
        if (errors != null) {
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:/loans";
    }
}
