package io.kioskfleet.core.policies;

import java.util.List;

/**
 * The outcome of checking a policy text where it is (or would be) attached.
 *
 * @param valid    true when it may be published
 * @param etag     the document ETag (SHA-256 of its canonical JSON) when valid, else null
 * @param problems every problem found
 */
public record PolicyValidation(boolean valid, String etag, List<PolicyProblem> problems) {

    public PolicyValidation {
        problems = List.copyOf(problems);
    }
}
