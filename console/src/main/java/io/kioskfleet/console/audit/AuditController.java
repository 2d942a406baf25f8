package io.kioskfleet.console.audit;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.AuditEvent;
import io.kioskfleet.core.audit.AuditFilter;
import io.kioskfleet.core.audit.AuditMatches;
import io.kioskfleet.core.audit.ChainVerification;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/audit}: the audit chain, newest first, and its verification. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final AuditChain chain;

    public AuditController(AuditChain chain) {
        this.chain = chain;
    }

    /** Events newest first; with {@code target}, every event about that one thing, oldest first. */
    @GetMapping
    public Page<AuditEvent> list(Actor actor, @RequestParam(required = false) String target,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (target != null) {
            List<AuditEvent> events = chain.forTarget(actor, target);
            return new Page<>(events, 0, Math.max(1, events.size()), events.size());
        }
        return chain.newestFirst(actor, new PageRequest(page, size));
    }

    /**
     * Events matching every filter given, newest first, in stretches: pass the answer's
     * {@code continueBefore} as {@code before} for the next one.
     */
    @GetMapping("/search")
    public AuditMatches search(Actor actor, @RequestParam(name = "actor", required = false) String actorName,
                               @RequestParam(required = false) String action, @RequestParam(required = false) String target,
                               @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                               @RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int size) {
        return chain.search(actor, new AuditFilter(actorName, action, target, from, to), before, size);
    }

    @GetMapping("/{id}")
    public AuditEvent get(Actor actor, @PathVariable String id) {
        return chain.find(actor, id).orElseThrow(() -> new NotFoundException("audit event", id));
    }

    /** Walks the whole chain and reports the first broken link, if any. */
    @GetMapping("/verify")
    public ChainVerification verify(Actor actor) {
        return chain.verify(actor);
    }
}
