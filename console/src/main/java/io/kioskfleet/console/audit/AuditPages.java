package io.kioskfleet.console.audit;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.store.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's audit log: the newest changes first, and a button that verifies the whole chain. */
@ConsolePage
public class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final AuditChain chain;

    public AuditPages(AuditChain chain) {
        this.chain = chain;
    }

    @GetMapping("/audit")
    public String log(Actor actor, Model model, @RequestParam(defaultValue = "0") int page) {
        var events = chain.newestFirst(actor, new PageRequest(page, PAGE_SIZE));
        model.addAttribute("events", events);
        model.addAttribute("lastPage", Math.max(0, (int) ((events.total() - 1) / PAGE_SIZE)));
        return "audit";
    }

    /** Walks the chain and shows the result above the log. */
    @PostMapping("/audit/verify")
    public String verify(Actor actor, Model model) {
        model.addAttribute("verification", chain.verify(actor));
        return log(actor, model, 0);
    }
}
