package io.kioskfleet.policies.document;

import io.kioskfleet.policies.catalogue.Catalogue;
import io.kioskfleet.policies.catalogue.SettingDefinition;
import io.kioskfleet.policies.report.SpellingSuggestion;
import io.kioskfleet.policies.report.ProblemList;
import io.kioskfleet.policies.report.SourcePosition;
import io.kioskfleet.policies.source.SourceMap;
import io.kioskfleet.policies.source.SourceNode;
import io.kioskfleet.policies.source.SourceScalar;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a block of settings against the catalogue. Settings may be nested by group
 * ({@code session: {maxLengthMinutes: 240}}) or written with dotted keys
 * ({@code session.maxLengthMinutes: 240}); both mean the same.
 */
public final class SettingsReader {

    private final ProblemList problems;
    private final String path;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, SourcePosition> positions = new HashMap<>();

    private SettingsReader(ProblemList problems, String path) {
        this.problems = problems;
        this.path = path;
    }

    /**
     * The valid settings under {@code node}, whose path is {@code path} (such as
     * {@code settings}); every invalid or unknown one is reported to {@code problems}.
     */
    public static ReadSettings read(SourceNode node, String path, ProblemList problems) {
        SettingsReader reader = new SettingsReader(problems, path);
        if (node instanceof SourceMap map) {
            reader.walk(map, "");
        } else if (!(node instanceof SourceScalar scalar && scalar.isNull())) {
            problems.add(path, node.position(), "document.notObject");
        }
        return new ReadSettings(reader.values, reader.positions);
    }

    private void walk(SourceMap map, String prefix) {
        for (SourceMap.Entry entry : map.entries()) {
            String key = prefix.isEmpty() ? entry.key() : prefix + "." + entry.key();
            Optional<SettingDefinition> setting = Catalogue.find(key);
            if (setting.isPresent()) {
                readSetting(setting.get(), entry);
            } else if (entry.value() instanceof SourceMap group && Catalogue.isGroup(key)) {
                walk(group, key);
            } else {
                SpellingSuggestion.among(Catalogue.keys(), key)
                    .reportUnknown(problems.at(path + "." + key, entry.keyPosition()),
                        "settings.unknown");
            }
        }
    }

    private void readSetting(SettingDefinition setting, SourceMap.Entry entry) {
        String settingPath = path + "." + setting.key();
        if (positions.containsKey(setting.key())) {
            problems.add(settingPath, entry.keyPosition(), "settings.duplicate", setting.key());
            return;
        }
        positions.put(setting.key(), entry.value().position());
        Object value = setting.type().read(entry.value(),
            problems.at(settingPath, entry.value().position()));
        if (value != null) {
            values.put(setting.key(), value);
        }
    }
}
