package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceNode;
import io.kioskfleet.policies.source.SourceScalar;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A whole number within {@code [min, max]}. {@code 10}, {@code 10.0} and {@code 1e1} all mean
 * ten and are held as the {@link Long} 10; {@code 10.5} and quoted {@code "10"} are refused.
 */
public record IntegerRange(long min, long max) implements SettingType {

    // JSON's number grammar: it has no octal, so "010" cannot silently mean eight.
    private static final Pattern NUMBER =
        Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    // Far more than any honest setting needs, and short enough that no text can make BigDecimal
    // slow (normalising 160,000 digits is quadratic) or overflow its scale.
    static final int MAX_NUMBER_LENGTH = 24;

    public IntegerRange {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
    }

    @Override
    public Object read(SourceNode node, ProblemSite site) {
        SourceScalar scalar = node.plainScalar(site, "value.notInteger");
        if (scalar == null) {
            return null;
        }
        if (scalar.text().length() > MAX_NUMBER_LENGTH) {
            return site.report("value.numberTooLong", MAX_NUMBER_LENGTH);
        }
        if (!NUMBER.matcher(scalar.text()).matches()) {
            return site.report("value.notInteger");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(scalar.text());
        } catch (NumberFormatException exponentBeyondInt) {
            return site.report("value.exponentTooLarge", scalar.text());
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0
            || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            return site.report("value.outOfRange", scalar.text(), min, max);
        }
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            return site.report("value.notInteger");
        }
        return number.longValueExact();
    }

    @Override
    public String describe() {
        return "integer " + min + ".." + max;
    }
}
