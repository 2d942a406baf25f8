package io.kioskfleet.core.policies;

import io.kioskfleet.core.input.Rule;
import static io.kioskfleet.core.policies.EffectivePolicies.READERS;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.TooLargeException;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.VersionConflictException;
import io.kioskfleet.policies.diff.PolicyDiff;
import io.kioskfleet.policies.document.ParsedPolicy;
import io.kioskfleet.policies.document.PolicyDocument;
import io.kioskfleet.policies.document.PolicyReader;
import io.kioskfleet.policies.inheritance.EffectivePolicy;
import io.kioskfleet.policies.inheritance.PolicyResolver;
import io.kioskfleet.policies.source.SourceReader;
import io.kioskfleet.policies.validation.PolicyValidator;
import io.kioskfleet.policies.validation.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fleet's policies: drafts kept as written (valid or not, with their problems), publishing
 * numbered, immutable versions (only valid ones, checked where the policy is attached), history,
 * differences and roll back. Every change is written to the audit chain.
 */
public final class PolicyLibrary {

    static final int MAX_NAME = 100;
    private static final String DRAFT = "draft";
    private static final String LATEST = "latest";

    private final PolicyRepository policies;
    private final PolicyVersionRepository versions;
    private final PublishedPolicies published;
    private final EffectivePolicies effective;
    private final AuditChain audit;
    private final Clock clock;
    private final PolicyValidator validator = new PolicyValidator();

    public PolicyLibrary(PolicyRepository policies, PolicyVersionRepository versions, PublishedPolicies published,
                         EffectivePolicies effective, AuditChain audit, Clock clock) {
        this.policies = policies;
        this.versions = versions;
        this.published = published;
        this.effective = effective;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a policy with its first draft; the draft may be invalid, and its problems are kept with it. */
    public Policy create(Actor actor, String name, String source) {
        actor.requireAny(Role.FLEET_ADMIN);
        checkInput(name, true, source);
        PolicyValidation validation = validate(source, List.of(PolicyResolver.defaults()));
        Instant now = clock.instant();
        Policy policy = new Policy(IdKind.POLICY.newId(), name.strip(), null, source, validation.valid(),
            validation.problems(), 0, 1, now, now);
        audit.record(actor, Change.created("policy.create", PolicyRepository.COLLECTION, "policy", policy.id(),
            policy.version(), policy.auditView()), () -> policies.insert(policy));
        return policy;
    }

    /** One policy with its draft. */
    public Policy get(Actor actor, String id) {
        actor.requireAny(READERS);
        return policies.get(id);
    }

    /** Every policy, by name. */
    public List<Policy> list(Actor actor) {
        actor.requireAny(READERS);
        return policies.all().stream().sorted(Comparator.comparing(Policy::nameKey)).toList();
    }

    /**
     * Replaces the draft (and the name, unless {@code name} is null) if the policy is still at
     * {@code expectedVersion}. Published versions are untouched.
     */
    public Policy saveDraft(Actor actor, String id, String name, String source, long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN);
        Policy current = policies.get(id);
        checkInput(name, false, source);
        PolicyValidation validation = validate(source, contextsOf(id));
        Policy changed = new Policy(id, name == null ? current.name() : name.strip(), null, source, validation.valid(),
            validation.problems(), current.latestVersion(), expectedVersion + 1, current.createdAt(), clock.instant());
        audit.record(actor, Change.changed("policy.draft", PolicyRepository.COLLECTION, "policy", id, changed.version(),
            current.auditView(), changed.auditView()), () -> policies.saveDraft(changed, expectedVersion));
        return policies.get(id);
    }

    /** Checks the current draft where the policy is attached, as publishing would. */
    public PolicyValidation checkDraft(Actor actor, String id) {
        actor.requireAny(READERS);
        return validate(policies.get(id).draft(), contextsOf(id));
    }

    /** Checks a text as if it were attached at {@code ouId} (or at the root when null); nothing is stored. */
    public PolicyValidation checkText(Actor actor, String source, String ouId) {
        actor.requireAny(READERS);
        checkInput(null, false, source);
        return validate(source, List.of(ouId == null ? PolicyResolver.defaults() : effective.inheritedBy(ouId)));
    }

    /**
     * Publishes the draft as the next version. Refused, with every problem, unless the draft is
     * valid at every OU that follows the policy's latest version; {@code expectedVersion}, when
     * given, must be the draft version the caller reviewed.
     */
    public PolicyVersion publish(Actor actor, String id, Long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN);
        Policy policy = policies.get(id);
        if (expectedVersion != null && expectedVersion != policy.version()) {
            throw new VersionConflictException("policy", id, expectedVersion, policy.version());
        }
        return publishText(actor, policy, policy.draft(), null, "policy.publish");
    }

    /** Publishes a new version with the text of version {@code number}; the draft is left as it is. */
    public PolicyVersion rollBack(Actor actor, String id, int number) {
        actor.requireAny(Role.FLEET_ADMIN);
        Policy policy = policies.get(id);
        PolicyVersion old = requireVersion(id, number);
        return publishText(actor, policy, old.source(), number, "policy.rollback");
    }

    private PolicyVersion publishText(Actor actor, Policy policy, String source, Integer rolledBackFrom, String action) {
        PolicyValidation validation = validate(source, contextsOf(policy.id()));
        if (!validation.valid()) {
            throw new InvalidPolicyException(validation.problems());
        }
        int number = published.latestNumber(policy);
        while (true) {
            number++;
            PolicyVersion version = new PolicyVersion(IdKind.POLICY_VERSION.newId(), policy.id(), number, source,
                validation.etag(), clock.instant(), actor.username(), rolledBackFrom);
            Map<String, Object> before = number == 1 ? null : Map.of("number", number - 1);
            Change change = Change.changed(action, PolicyVersionRepository.COLLECTION, "policy", policy.id(), number,
                before, version).inDocument(PolicyVersionRepository.COLLECTION, version.id());
            try {
                audit.record(actor, change, () -> {
                    // The unique index on (policyId, number) lets only one concurrent publisher take a number.
                    if (!versions.insertIfNumberFree(version)) {
                        throw new NumberTaken();
                    }
                });
            } catch (NumberTaken taken) {
                continue;
            }
            policies.raiseLatest(policy.id(), number);
            effective.changed("policy " + policy.id());
            return version;
        }
    }

    /** Every published version, newest first. */
    public List<PolicyVersion> versions(Actor actor, String id) {
        actor.requireAny(READERS);
        policies.get(id);
        return versions.allOf(id);
    }

    /** One published version. */
    public PolicyVersion version(Actor actor, String id, int number) {
        actor.requireAny(READERS);
        policies.get(id);
        return requireVersion(id, number);
    }

    /**
     * What changes from {@code from} to {@code to}; each is a version number, {@code latest} or
     * {@code draft} (which must then read as a policy).
     */
    public PolicyChanges diff(Actor actor, String id, String from, String to) {
        actor.requireAny(READERS);
        Policy policy = policies.get(id);
        new InputCheck().require(from != null && !from.isBlank(), "from", Rule.REQUIRED)
            .require(to != null && !to.isBlank(), "to", Rule.REQUIRED).orThrow();
        return PolicyChanges.of(from, to, PolicyDiff.between(documentAt(policy, from, "from"), documentAt(policy, to, "to")));
    }

    /** The draft as a document, when it reads as one (locks above are not considered). */
    Optional<PolicyDocument> draftDocument(Policy policy) {
        return new PolicyReader().read(policy.draft()).document();
    }

    private PolicyDocument documentAt(Policy policy, String side, String parameter) {
        String ref = side.strip();
        if (DRAFT.equalsIgnoreCase(ref)) {
            ParsedPolicy parsed = new PolicyReader().read(policy.draft());
            return parsed.document().orElseThrow(() -> new InvalidPolicyException(
                parsed.problems().stream().map(PolicyProblem::of).toList()));
        }
        if (LATEST.equalsIgnoreCase(ref)) {
            return published.latest(policy).map(published::document)
                .orElseThrow(() -> new InvalidInputException(parameter, Rule.NOT_PUBLISHED));
        }
        int number;
        try {
            number = Integer.parseInt(ref);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(parameter, Rule.VERSION_REFERENCE);
        }
        return published.document(requireVersion(policy.id(), number));
    }

    private PolicyVersion requireVersion(String id, int number) {
        return versions.find(id, number).orElseThrow(() -> new NotFoundException("policy version", id + " v" + number));
    }

    private List<EffectivePolicy> contextsOf(String policyId) {
        List<EffectivePolicy> followed = effective.inheritedWhereFollowed(policyId);
        return followed.isEmpty() ? List.of(PolicyResolver.defaults()) : followed;
    }

    private static void checkInput(String name, boolean nameRequired, String source) {
        new InputCheck()
            .require(name == null ? !nameRequired : !name.isBlank(), "name", Rule.BLANK)
            .require(name == null || name.strip().length() <= MAX_NAME, "name", Rule.TOO_LONG, MAX_NAME)
            .require(source != null, "source", Rule.REQUIRED)
            .orThrow();
        int bytes = source.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > SourceReader.MAX_DOCUMENT_BYTES) {
            throw new TooLargeException("the policy text (" + bytes + " bytes)", SourceReader.MAX_DOCUMENT_BYTES);
        }
    }

    /** Validates {@code source} against each inherited policy, merging the problems. */
    private PolicyValidation validate(String source, List<EffectivePolicy> contexts) {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        Set<PolicyProblem> problems = new LinkedHashSet<>();
        String etag = null;
        for (EffectivePolicy inherited : contexts) {
            ValidationReport report = validator.validate(bytes, inherited);
            report.problems().forEach(problem -> problems.add(PolicyProblem.of(problem)));
            etag = report.document().map(PolicyDocument::etag).orElse(etag);
        }
        return new PolicyValidation(problems.isEmpty(), problems.isEmpty() ? etag : null, List.copyOf(problems));
    }

    /** Another publisher took the version number first; the next one is tried. */
    private static final class NumberTaken extends RuntimeException {
        NumberTaken() {
            super(null, null, false, false);
        }
    }
}
