package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A daily window of local time, {@code {start: "HH:mm", end: "HH:mm"}}; it may cross midnight
 * but may not be empty.
 */
public record DailyWindow() implements SettingType {

    @Override
    public Object read(SourceNode node, ProblemSite site) {
        Text time = new Text(Syntax.TIME_OF_DAY, 5);
        Map<String, Text> fields = new LinkedHashMap<>();
        fields.put("start", time);
        fields.put("end", time);
        Map<String, String> window = FixedFields.read(node, site, fields);
        if (window != null && window.get("start").equals(window.get("end"))) {
            return site.report("value.emptyWindow");
        }
        return window;
    }

    @Override
    public String describe() {
        return "{start, end} times of day HH:mm, start != end, may cross midnight";
    }
}
