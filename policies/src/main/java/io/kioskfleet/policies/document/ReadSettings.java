package io.kioskfleet.policies.document;

import io.kioskfleet.policies.report.SourcePosition;
import java.util.Map;

/**
 * Settings as read from input: the canonical values that were valid, and where each setting
 * was written, so that later checks can point at it.
 */
public record ReadSettings(Map<String, Object> values, Map<String, SourcePosition> positions) {

    public ReadSettings {
        values = Map.copyOf(values);
        positions = Map.copyOf(positions);
    }

    /** Where {@code key} was written, or {@link SourcePosition#UNKNOWN}. */
    public SourcePosition positionOf(String key) {
        return positions.getOrDefault(key, SourcePosition.UNKNOWN);
    }
}
