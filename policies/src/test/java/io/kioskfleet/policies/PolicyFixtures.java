package io.kioskfleet.policies;

import io.kioskfleet.policies.document.PolicyDocument;
import io.kioskfleet.policies.document.PolicyMetadata;
import java.util.List;
import java.util.Map;

/** Builds small policy documents in code for tests. */
public final class PolicyFixtures {

    private PolicyFixtures() {
    }

    /** A document named {@code name} that sets {@code settings} and locks {@code locks}. */
    public static PolicyDocument policy(String name, Map<String, Object> settings,
                                        String... locks) {
        return new PolicyDocument(new PolicyMetadata(name, ""), settings, List.of(locks));
    }
}
