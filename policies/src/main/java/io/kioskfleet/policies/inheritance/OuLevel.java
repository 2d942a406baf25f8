package io.kioskfleet.policies.inheritance;

import io.kioskfleet.policies.document.PolicyDocument;
import java.util.Objects;
import java.util.Optional;

/** One OU on the way from the root to a leaf, with the policy attached to it, if any. */
public record OuLevel(String ouId, Optional<PolicyDocument> policy) {

    public OuLevel {
        if (ouId == null || ouId.isBlank()) {
            throw new IllegalArgumentException("an OU needs an id");
        }
        Objects.requireNonNull(policy, "policy (empty when none is attached)");
    }

    /** An OU with {@code policy} attached. */
    public static OuLevel attached(String ouId, PolicyDocument policy) {
        return new OuLevel(ouId, Optional.of(policy));
    }

    /** An OU without a policy of its own: it passes on what it inherits. */
    public static OuLevel bare(String ouId) {
        return new OuLevel(ouId, Optional.empty());
    }
}
