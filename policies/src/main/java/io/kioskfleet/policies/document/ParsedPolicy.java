package io.kioskfleet.policies.document;

import io.kioskfleet.policies.report.Problem;
import io.kioskfleet.policies.report.SourcePosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What reading a policy text produced: the parts that were valid, where they were written,
 * and every problem found. The document exists only when there is no problem.
 */
public record ParsedPolicy(PolicyMetadata metadata, ReadSettings settings, List<String> locks,
                           Map<String, SourcePosition> lockPositions, List<Problem> problems) {

    public ParsedPolicy {
        settings = settings == null ? new ReadSettings(Map.of(), Map.of()) : settings;
        locks = List.copyOf(locks);
        lockPositions = Map.copyOf(lockPositions);
        problems = List.copyOf(problems);
    }

    /** The document, if the text was a valid policy. */
    public Optional<PolicyDocument> document() {
        return problems.isEmpty() && metadata != null
            ? Optional.of(new PolicyDocument(metadata, settings.values(), locks))
            : Optional.empty();
    }

    /** Where the lock of {@code key} was written, or {@link SourcePosition#UNKNOWN}. */
    public SourcePosition lockPosition(String key) {
        return lockPositions.getOrDefault(key, SourcePosition.UNKNOWN);
    }
}
