package io.kioskfleet.console.policies;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.policies.EffectivePolicies;
import io.kioskfleet.core.policies.EffectivePolicyReport;
import io.kioskfleet.core.policies.PolicyAttachment;
import io.kioskfleet.core.policies.PolicyAttachments;
import io.kioskfleet.core.store.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/ous/{id}/policy} and {@code …/effective-policy}: the policy of a unit and what applies there. */
@RestController
@RequestMapping("/api/v1/ous/{id}")
public class OuPolicyController {

    private final PolicyAttachments attachments;
    private final EffectivePolicies effective;

    public OuPolicyController(PolicyAttachments attachments, EffectivePolicies effective) {
        this.attachments = attachments;
        this.effective = effective;
    }

    @GetMapping("/policy")
    public PolicyAttachment attached(Actor actor, @PathVariable String id) {
        return attachments.of(actor, id).orElseThrow(() -> new NotFoundException("policy attachment of organisation unit", id));
    }

    /** Attaches a policy (replacing any), following its latest version unless {@code pinnedVersion} is given. */
    @PutMapping("/policy")
    public PolicyAttachment attach(Actor actor, @PathVariable String id, @RequestBody AttachRequest request) {
        return attachments.attach(actor, id, request.policyId(), request.pinnedVersion());
    }

    @DeleteMapping("/policy")
    public ResponseEntity<Void> detach(Actor actor, @PathVariable String id) {
        attachments.detach(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/effective-policy")
    public EffectivePolicyReport effective(Actor actor, @PathVariable String id) {
        return effective.ofOu(actor, id);
    }
}
