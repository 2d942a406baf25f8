package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import io.kioskfleet.policies.source.SourceNode;
import java.util.List;
import java.util.Map;

/**
 * A daily window of local time, {@code {start: "HH:mm", end: "HH:mm"}}; it may cross midnight
 * but may not be empty.
 */
public record DailyWindow() implements SettingType {

    private static final TextFields START_AND_END =
        new TextFields(List.of("start", "end"), new Text(Syntax.TIME_OF_DAY, 5));

    @Override
    public Object read(SourceNode node, ProblemSite site) {
        Map<String, String> window = START_AND_END.read(node, site);
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
