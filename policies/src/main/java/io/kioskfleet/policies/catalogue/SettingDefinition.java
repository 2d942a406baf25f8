package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.BilingualText;
import io.kioskfleet.policies.report.Messages;
import io.kioskfleet.policies.report.ProblemList;
import io.kioskfleet.policies.report.SourcePosition;
import io.kioskfleet.policies.source.SourceNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting of the catalogue: its dotted key ({@code group.name}), type, and the default
 * that applies where no OU sets it. The default is held in canonical form.
 */
public record SettingDefinition(String key, SettingType type, Object defaultValue) {

    private static final Pattern KEY = Pattern.compile("[a-z]+\\.[a-z][A-Za-z]*");

    public SettingDefinition {
        Objects.requireNonNull(type, "type");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a setting key is group.name: " + key);
        }
        defaultValue = canonical(key, type, defaultValue);
    }

    private static Object canonical(String key, SettingType type, Object value) {
        ProblemList problems = new ProblemList();
        Object canonical = type.read(SourceNode.ofPlainValue(value),
            problems.at(key, SourcePosition.UNKNOWN));
        if (canonical == null) {
            throw new IllegalArgumentException("invalid value for " + key + ": " + value + " "
                + problems.list());
        }
        return canonical;
    }

    /** The group the setting belongs to, such as {@code session}. */
    public String group() {
        return key.substring(0, key.indexOf('.'));
    }

    /** The setting's name within its group, such as {@code maxLengthMinutes}. */
    public String name() {
        return key.substring(key.indexOf('.') + 1);
    }

    /** What the setting does, in English and Japanese. */
    public BilingualText description() {
        return Messages.of("description." + key);
    }

    /**
     * The canonical form of a plain Java value for this setting; throws if it is not valid,
     * for callers that build values in code rather than read them from people.
     */
    public Object canonicalValue(Object plainValue) {
        return canonical(key, type, plainValue);
    }
}
