package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.NearestName;
import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceMap;
import io.kioskfleet.policies.source.SourceNode;
import io.kioskfleet.policies.source.SourceScalar;
import java.util.Map;
import java.util.TreeMap;

/** Reading of small objects whose fields are all required texts, such as {@code {ja, en}}. */
final class FixedFields {

    private FixedFields() {
    }

    /** The field values by name, or {@code null} after reporting every problem. */
    static Map<String, String> read(SourceNode node, ProblemSite site, Map<String, Text> fields) {
        if (!(node instanceof SourceMap map)) {
            return site.report("value.notObject", String.join(", ", fields.keySet()));
        }
        Map<String, String> values = new TreeMap<>();
        boolean allValid = true;
        for (SourceMap.Entry entry : map.entries()) {
            ProblemSite fieldSite = site.child("." + entry.key(), entry.keyPosition());
            Text field = fields.get(entry.key());
            if (field == null) {
                NearestName.reportUnknown(fieldSite, "value.unknownField", entry.key(),
                    fields.keySet());
                allValid = false;
                continue;
            }
            String value = readField(entry.value(), fieldSite, field);
            allValid &= value != null;
            if (value != null) {
                values.put(entry.key(), value);
            }
        }
        allValid &= reportMissing(fields, values, map, site);
        return allValid ? Map.copyOf(values) : null;
    }

    private static String readField(SourceNode node, ProblemSite site, Text field) {
        SourceScalar scalar = Scalars.scalar(node, site, "value.notText");
        return scalar == null ? null : field.readText(scalar.text(), site);
    }

    private static boolean reportMissing(Map<String, Text> fields, Map<String, String> values,
                                         SourceMap map, ProblemSite site) {
        boolean complete = true;
        for (String name : fields.keySet()) {
            if (map.entry(name).isEmpty()) {
                site.report("value.missingField", name);
                complete = false;
            }
        }
        return complete;
    }
}
