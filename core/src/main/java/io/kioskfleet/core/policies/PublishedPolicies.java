package io.kioskfleet.core.policies;

import io.kioskfleet.policies.document.PolicyDocument;
import io.kioskfleet.policies.document.PolicyReader;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads published versions and the documents they hold. A version never changes, so its parsed
 * document is remembered by version id.
 */
public final class PublishedPolicies {

    private final PolicyRepository policies;
    private final PolicyVersionRepository versions;
    private final ConcurrentMap<String, PolicyDocument> documents = new ConcurrentHashMap<>();

    public PublishedPolicies(PolicyRepository policies, PolicyVersionRepository versions) {
        this.policies = policies;
        this.versions = versions;
    }

    /** The newest published version of {@code policyId}, if any. */
    Optional<PolicyVersion> latest(String policyId) {
        return policies.find(policyId).flatMap(policy -> latest(policy));
    }

    /** The newest published version of {@code policy}, if any. */
    Optional<PolicyVersion> latest(Policy policy) {
        int number = latestNumber(policy);
        return number == 0 ? Optional.empty() : versions.find(policy.id(), number);
    }

    /**
     * The newest version number. A publisher that stopped between writing a version and raising
     * the policy's {@code latestVersion} leaves the version there: it counts.
     */
    int latestNumber(Policy policy) {
        int number = policy.latestVersion();
        while (versions.find(policy.id(), number + 1).isPresent()) {
            number++;
        }
        return number;
    }

    Optional<PolicyVersion> version(String policyId, int number) {
        return versions.find(policyId, number);
    }

    /** The document of the version an attachment applies: its pinned one, or the newest. */
    Optional<PolicyDocument> documentOf(PolicyAttachment attachment) {
        Optional<PolicyVersion> version = attachment.followsLatest() ? latest(attachment.policyId())
            : versions.find(attachment.policyId(), attachment.pinnedVersion());
        return version.map(this::document);
    }

    /** The document a version holds. */
    PolicyDocument document(PolicyVersion version) {
        return documents.computeIfAbsent(version.id(), id -> new PolicyReader().read(version.source()).document()
            .orElseThrow(() -> new IllegalStateException("published version " + id + " no longer reads as a policy")));
    }
}
