package io.kioskfleet.core.policies;

import io.kioskfleet.core.input.Rule;
import static io.kioskfleet.core.policies.EffectivePolicies.READERS;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.policies.validation.PolicyValidator;
import io.kioskfleet.policies.validation.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Attaching policies to OUs and detaching them. An OU has at most one policy, following its
 * latest version or pinned to one; the version must not override a lock set above the OU. A
 * branch admin attaches and detaches only within their own units.
 */
public final class PolicyAttachments {

    private final PolicyAttachmentRepository attachments;
    private final PolicyRepository policies;
    private final PublishedPolicies published;
    private final EffectivePolicies effective;
    private final OrganisationUnits units;
    private final AuditChain audit;
    private final Clock clock;
    private final PolicyValidator validator = new PolicyValidator();

    public PolicyAttachments(PolicyAttachmentRepository attachments, PolicyRepository policies,
                             PublishedPolicies published, EffectivePolicies effective, OrganisationUnits units,
                             AuditChain audit, Clock clock) {
        this.attachments = attachments;
        this.policies = policies;
        this.published = published;
        this.effective = effective;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Attaches {@code policyId} to {@code ouId} in place of whatever was attached, following its
     * latest version when {@code pinnedVersion} is null.
     */
    public PolicyAttachment attach(Actor actor, String ouId, String policyId, Integer pinnedVersion) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        units.get(ouId);
        units.requireInScope(actor, ouId);
        PolicyVersion version = versionToAttach(policyId, pinnedVersion);
        ValidationReport report = validator.validate(version.source().getBytes(StandardCharsets.UTF_8),
            effective.inheritedBy(ouId));
        if (!report.valid()) {
            throw new InvalidPolicyException(report.problems().stream().map(PolicyProblem::of).toList());
        }
        Optional<PolicyAttachment> current = attachments.find(ouId);
        long replaced = current.map(PolicyAttachment::version).orElse(0L);
        PolicyAttachment attachment = new PolicyAttachment(ouId, policyId, pinnedVersion, clock.instant(),
            actor.username(), replaced + 1);
        audit.record(actor, Change.changed("policy.attach", PolicyAttachmentRepository.COLLECTION, "ou", ouId,
            attachment.version(), current.orElse(null), attachment), () -> attachments.put(attachment, replaced));
        effective.changed("attachment " + ouId);
        return attachment;
    }

    private PolicyVersion versionToAttach(String policyId, Integer pinnedVersion) {
        if (policyId == null || policyId.isBlank()) {
            throw new InvalidInputException("policyId", Rule.REQUIRED);
        }
        Policy policy = policies.find(policyId)
            .orElseThrow(() -> new InvalidInputException("policyId", Rule.UNKNOWN_POLICY, policyId));
        if (pinnedVersion == null) {
            return published.latest(policy).orElseThrow(() -> new InvalidInputException("policyId", Rule.NOT_PUBLISHED));
        }
        return published.version(policyId, pinnedVersion).orElseThrow(() -> new InvalidInputException("pinnedVersion",
            Rule.UNKNOWN_VERSION, pinnedVersion));
    }

    /** Detaches the policy of {@code ouId}; the OU then inherits from above. */
    public void detach(Actor actor, String ouId) {
        actor.requireAny(Role.FLEET_ADMIN, Role.BRANCH_ADMIN);
        units.get(ouId);
        units.requireInScope(actor, ouId);
        PolicyAttachment current = attachments.find(ouId)
            .orElseThrow(() -> new NotFoundException("policy attachment of organisation unit", ouId));
        audit.record(actor, Change.removed("policy.detach", PolicyAttachmentRepository.COLLECTION, "ou", ouId,
            current.version(), current), () -> attachments.delete(ouId, current.version()));
        effective.changed("attachment " + ouId);
    }

    /** The policy attached to {@code ouId}, if any. */
    public Optional<PolicyAttachment> of(Actor actor, String ouId) {
        actor.requireAny(READERS);
        units.get(ouId);
        return attachments.find(ouId);
    }
}
