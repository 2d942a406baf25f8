package io.kioskfleet.policies.source;

/**
 * Makes JSON text readable by the YAML 1.1 loader: JSON allows the escape {@code \/} inside
 * strings, which SnakeYAML rejects; it means a plain slash.
 */
final class JsonEscapes {

    private JsonEscapes() {
    }

    static String readableAsYaml(String text) {
        if (!text.stripLeading().startsWith("{") || !text.contains("\\/")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString && c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == '/' ? "/" : "\\" + next);
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            out.append(c);
        }
        return out.toString();
    }
}
