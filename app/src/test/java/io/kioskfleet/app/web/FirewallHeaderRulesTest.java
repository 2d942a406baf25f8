package io.kioskfleet.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FirewallHeaderRulesTest {

    /** Spring Security's own expressions, which the rules replace. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCharacterIsJudgedAsSpringSecuritysExpressionsJudgeIt() {
        IntStream.rangeClosed(0, Character.MAX_CODE_POINT).forEach(codePoint -> {
            String text = "X-KF-" + Character.toString(codePoint) + "a";
            assertThat(FirewallHeaderRules.HEADER_NAME.test(text)).as("name with U+%04X", codePoint)
                .isEqualTo(NAME.matcher(text).matches());
            assertThat(FirewallHeaderRules.HEADER_VALUE.test(text)).as("value with U+%04X", codePoint)
                .isEqualTo(VALUE.matcher(text).matches());
        });
    }

    @Test
    void aLoneSurrogateAndTheUsualHeadersAreJudgedTheSame() {
        for (String text : new String[] {"", "\uD800", "a\uDC00b", "\"etag-1\"", "2026-12-06T01:02:03Z", "tab\there",
            "line\nbreak", "日本語の値", "del\u007F"}) {
            assertThat(FirewallHeaderRules.HEADER_NAME.test(text)).as(text).isEqualTo(NAME.matcher(text).matches());
            assertThat(FirewallHeaderRules.HEADER_VALUE.test(text)).as(text).isEqualTo(VALUE.matcher(text).matches());
        }
    }
}
