package io.kioskfleet.console.audit;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.console.ConsolePageModel;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.AuditFilter;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.store.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's audit log: the newest changes first, a search by who, what, which target and
 * which days, and a button that verifies the whole chain.
 */
@ConsolePage
public class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final AuditChain chain;
    private final ConsolePageModel page;

    public AuditPages(AuditChain chain, ConsolePageModel page) {
        this.chain = chain;
        this.page = page;
    }

    @GetMapping("/audit")
    public String log(Actor actor, Model model, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(name = "actor", required = false) String actorName,
                      @RequestParam(required = false) String action, @RequestParam(required = false) String target,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) Long before) {
        model.addAttribute("search", new AuditSearchForm(actorName, action, target, from, to));
        boolean searching = isGiven(actorName) || isGiven(action) || isGiven(target) || from != null || to != null;
        try {
            if (searching) {
                AuditFilter filter = new AuditFilter(actorName, action, target, startOf(from), startOf(to == null ? null : to.plusDays(1)));
                model.addAttribute("matches", chain.search(actor, filter, before, PAGE_SIZE));
                return "audit";
            }
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
        }
        var events = chain.newestFirst(actor, new PageRequest(page, PAGE_SIZE));
        model.addAttribute("events", events);
        model.addAttribute("lastPage", Math.max(0, (int) ((events.total() - 1) / PAGE_SIZE)));
        return "audit";
    }

    /** Walks the chain and shows the result above the log. */
    @PostMapping("/audit/verify")
    public String verify(Actor actor, Model model) {
        model.addAttribute("verification", chain.verify(actor));
        return log(actor, model, 0, null, null, null, null, null, null);
    }

    private Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(page.zone()).toInstant();
    }

    private static boolean isGiven(String text) {
        return text != null && !text.isBlank();
    }

    /** The search as typed, to show it again above its results. */
    public record AuditSearchForm(String actor, String action, String target, LocalDate from, LocalDate to) {
    }
}
