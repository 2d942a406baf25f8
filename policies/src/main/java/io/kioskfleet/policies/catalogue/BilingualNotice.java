package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceNode;
import java.util.List;

/** A text shown on the device, given in Japanese and English: {@code {ja: ..., en: ...}}. */
public record BilingualNotice(int maxLength) implements SettingType {

    private static final List<String> LANGUAGES = List.of("ja", "en");

    public BilingualNotice {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
    }

    @Override
    public Object read(SourceNode node, ProblemSite site) {
        return new TextFields(LANGUAGES, new Text(Syntax.FREE_TEXT, maxLength)).read(node, site);
    }

    @Override
    public String describe() {
        return "{ja, en} texts, at most " + maxLength + " characters each";
    }
}
