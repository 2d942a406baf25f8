package io.kioskfleet.console.audit;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.AuditEvent;
import io.kioskfleet.core.audit.ChainVerification;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
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

    @GetMapping
    public Page<AuditEvent> list(Actor actor, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        actor.requireAny(Role.FLEET_ADMIN, Role.AUDITOR);
        return chain.newestFirst(new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    public AuditEvent get(Actor actor, @PathVariable String id) {
        actor.requireAny(Role.FLEET_ADMIN, Role.AUDITOR);
        return chain.find(id).orElseThrow(() -> new NotFoundException("audit event", id));
    }

    /** Walks the whole chain and reports the first broken link, if any. */
    @GetMapping("/verify")
    public ChainVerification verify(Actor actor) {
        actor.requireAny(Role.FLEET_ADMIN, Role.AUDITOR);
        return chain.verify();
    }
}
