package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceNode;
import io.kioskfleet.policies.source.SourceScalar;
import java.util.Objects;

/** A single text value of at most {@code maxLength} characters in a given syntax. */
public record Text(StringSyntax syntax, int maxLength) implements SettingType {

    public Text {
        Objects.requireNonNull(syntax, "syntax");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
    }

    @Override
    public String read(SourceNode node, ProblemSite site) {
        SourceScalar scalar = node.scalar(site, "value.notText");
        return scalar == null ? null : readText(scalar.text(), site);
    }

    private String readText(String text, ProblemSite site) {
        if (text.codePointCount(0, text.length()) > maxLength) {
            return site.report("value.tooLong", maxLength);
        }
        return syntax.normalize(text, site);
    }

    @Override
    public String describe() {
        return syntax.describe() + (syntax instanceof Syntax ? ", at most " + maxLength
            + " characters" : "");
    }
}
