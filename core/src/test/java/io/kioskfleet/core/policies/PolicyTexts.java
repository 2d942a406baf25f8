package io.kioskfleet.core.policies;

/** Policy texts for tests, written as an administrator would. */
public final class PolicyTexts {

    private PolicyTexts() {
    }

    /** A policy named {@code name} with the given YAML under {@code settings:} and the given locks. */
    public static String policy(String name, String settings, String... locks) {
        StringBuilder text = new StringBuilder("apiVersion: kioskfleet/v1\nkind: Policy\nmetadata:\n  name: ")
            .append(name).append("\nsettings:\n");
        settings.lines().forEach(line -> text.append("  ").append(line).append('\n'));
        if (locks.length > 0) {
            text.append("locks:\n");
            for (String lock : locks) {
                text.append("  - ").append(lock).append('\n');
            }
        }
        return text.toString();
    }

    /** A YAML "billion laughs": aliases of aliases that would expand beyond any limit. */
    public static String aliasBomb() {
        StringBuilder text = new StringBuilder("apiVersion: kioskfleet/v1\nkind: Policy\nmetadata: {name: bomb}\n");
        text.append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            String previous = "*a" + (i - 1);
            text.append("a").append(i).append(": &a").append(i).append(" [")
                .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
        }
        return text.toString();
    }
}
