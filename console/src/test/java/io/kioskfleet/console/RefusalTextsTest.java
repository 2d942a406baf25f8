package io.kioskfleet.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.input.FieldError;
import io.kioskfleet.core.input.Rule;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every rule a core check can report has text in both languages, and the console shows it in the user's. */
class RefusalTextsTest {

    private final ResourceBundleMessageSource bundles = bundles();
    private final RefusalTexts texts = new RefusalTexts(bundles);

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    @AfterEach
    void resetLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void everyRuleHasJapaneseAndEnglishText() {
        for (Rule rule : Rule.values()) {
            for (Locale language : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                assertThat(bundles.getMessage(rule.messageKey(), sampleArgs(), null, language))
                    .as(rule + " in " + language).isNotBlank();
            }
        }
    }

    @Test
    void theEnglishBundleSaysWhatTheApiSays() {
        for (Rule rule : Rule.values()) {
            FieldError error = FieldError.of("x", rule, (Object[]) sampleArgs());
            assertThat(bundles.getMessage(rule.messageKey(), sampleArgs(), Locale.ENGLISH)).as(rule.code())
                .isEqualTo(error.message());
        }
    }

    @Test
    void aJapaneseUserReadsATooLongNameInJapanese() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        FieldError error = FieldError.of("name", Rule.TOO_LONG, 200);

        assertThat(texts.field(error)).isEqualTo("名前");
        assertThat(texts.message(error)).isEqualTo("200 文字以内にしてください");
        assertThat(error.message()).isEqualTo("must be at most 200 characters");
    }

    @Test
    void aPolicyProblemIsShownInTheLanguageItCarries() {
        FieldError error = FieldError.of("settings.x", Rule.POLICY, "unknown setting", "不明な設定です");

        LocaleContextHolder.setLocale(Locale.JAPANESE);
        assertThat(texts.message(error)).isEqualTo("不明な設定です");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.message(error)).isEqualTo("unknown setting");
        assertThat(texts.field(error)).isEqualTo("settings.x");
    }

    private static String[] sampleArgs() {
        return IntStream.range(0, 3).mapToObj(i -> "arg" + i).toArray(String[]::new);
    }
}
