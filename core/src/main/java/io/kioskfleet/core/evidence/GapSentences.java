package io.kioskfleet.core.evidence;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The sentence that spells out a gap, in the reader's language (Japanese or English, from
 * {@code GapSentences[_ja].properties} beside this class): the console, the CSV and the PDF say
 * each gap in the language of whoever asked for them, while a gap itself keeps only its sentence's
 * key and arguments.
 */
public final class GapSentences {

    /** The English sentences, also the {@code detail} of a gap in the JSON API. */
    public static final GapSentences ENGLISH = in(Locale.ENGLISH);

    private final ResourceBundle sentences;
    private final Locale locale;

    private GapSentences(ResourceBundle sentences, Locale locale) {
        this.sentences = sentences;
        this.locale = locale;
    }

    /** The sentences in {@code locale}'s language: Japanese for {@code ja}, else English. */
    public static GapSentences in(Locale locale) {
        Locale chosen = locale != null && "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
        return new GapSentences(ResourceBundle.getBundle(GapSentences.class.getName(), chosen,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), chosen);
    }

    /** The sentence of {@code gap}. */
    public String of(EvidenceGap gap) {
        return of(gap.sentence(), gap.arguments().toArray());
    }

    /** The sentence with key {@code key} (a verdict's name, or a gap kind with its variant) filled with {@code arguments}. */
    String of(String key, Object... arguments) {
        return new MessageFormat(sentences.getString(key), locale).format(arguments);
    }
}
