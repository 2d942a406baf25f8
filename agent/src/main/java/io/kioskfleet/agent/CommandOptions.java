package io.kioskfleet.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options after a command, checked against the names the command
 * knows, so a typo is an error rather than silently ignored.
 */
final class CommandOptions {

    private final Map<String, String> values;

    private CommandOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @throws IllegalArgumentException for an unknown option, a missing value or a stray word
     */
    static CommandOptions parse(List<String> args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected '" + arg + "'");
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            values.put(name, args.get(++i));
        }
        return new CommandOptions(values);
    }

    /** @throws IllegalArgumentException when the option was not given */
    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** The option's value, or null. */
    String optional(String name) {
        return values.get(name);
    }
}
