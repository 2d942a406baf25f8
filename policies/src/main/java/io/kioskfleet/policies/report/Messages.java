package io.kioskfleet.policies.report;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The policy module's bilingual texts, read from the {@code messages} resource bundles
 * (English is the base bundle, Japanese is {@code _ja}).
 */
public final class Messages {

    /** The base name of the bundles, for tests and tools that read them directly. */
    public static final String BUNDLE = "io.kioskfleet.policies.messages";

    // Without this control a JVM whose default locale is Japanese would answer English lookups
    // from the Japanese bundle.
    private static final ResourceBundle.Control NO_FALLBACK =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle ENGLISH =
        ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK);
    private static final ResourceBundle JAPANESE =
        ResourceBundle.getBundle(BUNDLE, Locale.JAPANESE, NO_FALLBACK);

    private Messages() {
    }

    /** The text under {@code key} in both languages, with {@code args} filled in. */
    public static BilingualText of(String key, Object... args) {
        // Arguments are formatted as plain strings so that 1440 never becomes "1,440".
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return new BilingualText(format(ENGLISH, key, texts), format(JAPANESE, key, texts));
    }

    private static String format(ResourceBundle bundle, String key, Object[] args) {
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(args);
    }
}
