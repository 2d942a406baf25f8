package io.kioskfleet.policies.source;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.report.SourcePosition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A value of submitted policy input, before it is given meaning by the settings catalogue. */
public sealed interface SourceNode permits SourceScalar, SourceList, SourceMap {

    /** Where the value starts in the source text. */
    SourcePosition position();

    /** This node as a scalar with a value, or {@code null} after reporting under {@code code}. */
    default SourceScalar scalar(ProblemSite site, String code) {
        return this instanceof SourceScalar scalar && !scalar.isNull() ? scalar : site.report(code);
    }

    /**
     * This node as an unquoted scalar, for numbers and booleans that quoting would turn into
     * text, or {@code null} after reporting under {@code code}.
     */
    default SourceScalar plainScalar(ProblemSite site, String code) {
        SourceScalar scalar = scalar(site, code);
        return scalar == null || scalar.plain() ? scalar : site.report(code);
    }

    /**
     * The node of a plain Java value (maps, collections such as lists and sets, strings,
     * numbers, booleans, null), so input that arrives as objects is checked by the same code as
     * text.
     */
    static SourceNode ofPlainValue(Object value) {
        SourcePosition at = SourcePosition.UNKNOWN;
        if (value == null) {
            return new SourceScalar("null", true, at);
        }
        if (value instanceof Map<?, ?> map) {
            List<SourceMap.Entry> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(new SourceMap.Entry(String.valueOf(k), at,
                ofPlainValue(v))));
            return new SourceMap(entries, at);
        }
        if (value instanceof Collection<?> items) {
            return new SourceList(items.stream().map(SourceNode::ofPlainValue).toList(), at);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return new SourceScalar(String.valueOf(value), true, at);
        }
        return new SourceScalar(String.valueOf(value), false, at);
    }
}
