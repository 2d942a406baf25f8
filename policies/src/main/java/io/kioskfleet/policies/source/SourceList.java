package io.kioskfleet.policies.source;

import io.kioskfleet.policies.report.SourcePosition;
import java.util.List;
import java.util.Objects;

/** A sequence as written, items in source order. */
public record SourceList(List<SourceNode> items, SourcePosition position) implements SourceNode {

    public SourceList {
        items = List.copyOf(items);
        Objects.requireNonNull(position, "position");
    }
}
