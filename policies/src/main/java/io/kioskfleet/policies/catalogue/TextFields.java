package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.SpellingSuggestion;
import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceMap;
import io.kioskfleet.policies.source.SourceNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The shape of a small object whose fields are all required texts of one kind, as {ja, en}. */
record TextFields(List<String> names, Text text) {

    TextFields {
        names = List.copyOf(names);
        Objects.requireNonNull(text, "text");
    }

    /** The field values by name, or {@code null} after reporting every problem. */
    Map<String, String> read(SourceNode node, ProblemSite site) {
        if (!(node instanceof SourceMap map)) {
            return site.report("value.notObject", String.join(", ", names));
        }
        Map<String, String> values = new TreeMap<>();
        boolean allValid = true;
        for (SourceMap.Entry entry : map.entries()) {
            ProblemSite fieldSite = site.child("." + entry.key(), entry.keyPosition());
            if (!names.contains(entry.key())) {
                SpellingSuggestion.among(names, entry.key())
                    .reportUnknown(fieldSite, "value.unknownField");
                allValid = false;
                continue;
            }
            String value = text.read(entry.value(), fieldSite);
            allValid &= value != null;
            if (value != null) {
                values.put(entry.key(), value);
            }
        }
        allValid &= reportMissing(map, site);
        return allValid ? Map.copyOf(values) : null;
    }

    private boolean reportMissing(SourceMap map, ProblemSite site) {
        boolean complete = true;
        for (String name : names) {
            if (map.entry(name).isEmpty()) {
                site.report("value.missingField", name);
                complete = false;
            }
        }
        return complete;
    }
}
