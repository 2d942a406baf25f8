package io.kioskfleet.policies.source;

import io.kioskfleet.policies.report.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A mapping as written: string keys in source order, each with its own position. */
public record SourceMap(List<Entry> entries, SourcePosition position) implements SourceNode {

    public SourceMap {
        entries = List.copyOf(entries);
        Objects.requireNonNull(position, "position");
    }

    /** The entry under {@code key}, if written. */
    public Optional<Entry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** One key and its value. */
    public record Entry(String key, SourcePosition keyPosition, SourceNode value) {

        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyPosition, "keyPosition");
            Objects.requireNonNull(value, "value");
        }
    }
}
