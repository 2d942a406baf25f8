package io.kioskfleet.policies.validation;

import io.kioskfleet.policies.document.PolicyDocument;
import io.kioskfleet.policies.report.Problem;
import io.kioskfleet.policies.source.SourceReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of validating a policy text: every problem found, and the document when there
 * were none. A server answers 413 when {@link #tooLarge()}, 422 otherwise when not valid.
 */
public record ValidationReport(Optional<PolicyDocument> document, List<Problem> problems) {

    public ValidationReport {
        Objects.requireNonNull(document, "document");
        problems = List.copyOf(problems);
        if (document.isPresent() && !problems.isEmpty()) {
            throw new IllegalArgumentException("a document with problems is not valid");
        }
    }

    /** True when the text is a valid policy for where it is attached. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** True when the text was refused unread for its size. */
    public boolean tooLarge() {
        return problems.stream().anyMatch(p -> p.code().equals(SourceReader.TOO_LARGE));
    }
}
