package io.kioskfleet.policies.source;

import io.kioskfleet.policies.report.SourcePosition;
import java.util.Objects;
import java.util.Set;

/**
 * A scalar as written. {@code plain} is false for quoted text, which is always a string: a
 * quoted {@code "10"} is not the number 10 and a quoted {@code "true"} is not a boolean.
 */
public record SourceScalar(String text, boolean plain, SourcePosition position)
    implements SourceNode {

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

    public SourceScalar {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }

    /** True for an unquoted empty value, {@code ~} or {@code null}. */
    public boolean isNull() {
        return plain && NULLS.contains(text);
    }
}
