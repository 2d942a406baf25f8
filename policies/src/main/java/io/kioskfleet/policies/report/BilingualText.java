package io.kioskfleet.policies.report;

import java.util.Objects;

/** A human text in English and Japanese, as every message and description is given. */
public record BilingualText(String en, String ja) {

    public BilingualText {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(ja, "ja");
    }
}
