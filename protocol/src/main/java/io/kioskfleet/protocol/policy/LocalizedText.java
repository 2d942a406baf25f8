package io.kioskfleet.protocol.policy;

import java.util.Map;
import java.util.Objects;

/** A text shown to staff on the device, in Japanese and English. */
public record LocalizedText(String ja, String en) {

    public LocalizedText {
        Objects.requireNonNull(ja, "ja");
        Objects.requireNonNull(en, "en");
    }

    Map<String, Object> canonicalTree() {
        return Map.of("ja", ja, "en", en);
    }
}
