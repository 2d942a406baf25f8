package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A text shown on the device, given in Japanese and English: {@code {ja: ..., en: ...}}. */
public record BilingualNotice(int maxLength) implements SettingType {

    public BilingualNotice {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
    }

    @Override
    public Object read(SourceNode node, ProblemSite site) {
        Text text = new Text(Syntax.FREE_TEXT, maxLength);
        Map<String, Text> fields = new LinkedHashMap<>();
        fields.put("ja", text);
        fields.put("en", text);
        return FixedFields.read(node, site, fields);
    }

    @Override
    public String describe() {
        return "{ja, en} texts, at most " + maxLength + " characters each";
    }
}
