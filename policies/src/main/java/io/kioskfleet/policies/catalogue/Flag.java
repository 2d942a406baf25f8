package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceNode;
import io.kioskfleet.policies.source.SourceScalar;
import java.util.Locale;

/**
 * A boolean, written {@code true} or {@code false}. YAML 1.1's {@code yes}, {@code no},
 * {@code on} and {@code off} are refused: in a security policy they are too easy to misread.
 */
public record Flag() implements SettingType {

    @Override
    public Object read(SourceNode node, ProblemSite site) {
        SourceScalar scalar = node.plainScalar(site, "value.notBoolean");
        if (scalar == null) {
            return null;
        }
        return switch (scalar.text().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> site.report("value.notBoolean");
        };
    }

    @Override
    public String describe() {
        return "boolean";
    }
}
