package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/** The text syntaxes that setting values use, each with its one canonical spelling. */
public enum Syntax implements StringSyntax {

    /** A time of day, {@code HH:mm}, 24-hour, two digits each. */
    TIME_OF_DAY("time of day HH:mm (00:00-23:59)", Syntax::timeOfDay),
    /** A URL pattern such as {@code https://*.lg.jp/*}. */
    URL_PATTERN("URL pattern scheme://host[:port][/path], * as wildcard", UrlPattern::normalize),
    /** An IPv4 or IPv6 network in CIDR notation. */
    CIDR("IPv4 or IPv6 CIDR block, e.g. 10.0.0.0/8 or 2001:db8::/32", CidrBlock::normalize),
    /** A path or glob the wipe keeps, rooted at a wipe area or at {@code /}. */
    PRESERVE_PATH("path pattern starting with ${area}/ or /", PreservePath::normalize),
    /** A file extension ({@code .exe}) or media type ({@code video/*}). */
    FILE_TYPE("file extension (.exe) or media type (video/*)", Syntax::fileType),
    /** An IANA time-zone id. */
    TIME_ZONE("IANA time zone id, e.g. Asia/Tokyo", Syntax::timeZone),
    /** A BCP 47 language tag. */
    LANGUAGE_TAG("BCP 47 language tag, e.g. ja-JP", Syntax::languageTag),
    /** An application id, or empty for none. */
    APP_ID("application id (letters, digits, . _ -) or empty for none", Syntax::appId),
    /** Free text without control characters other than line breaks and tabs. */
    FREE_TEXT("text", Syntax::freeText);

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern EXTENSION = Pattern.compile("\\.[a-z0-9]{1,16}");
    private static final Pattern MEDIA_TYPE =
        Pattern.compile("[a-z]+/([a-z0-9][a-z0-9!#$&^_.+-]{0,126}|\\*)");
    private static final Pattern PREFIXED_OFFSET = Pattern.compile("(UTC|GMT|UT)[+-].*");
    private static final Pattern APP = Pattern.compile("([A-Za-z][A-Za-z0-9_.-]{0,127})?");
    // Also NEL and the Unicode line and paragraph separators: YAML reads them as line breaks,
    // so canonical JSON holding them raw would not read back as the same text.
    private static final Pattern CONTROL =
        Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029&&[^\\n\\t]]");

    private final String description;
    private final BiFunction<String, ProblemSite, String> rule;

    Syntax(String description, BiFunction<String, ProblemSite, String> rule) {
        this.description = description;
        this.rule = rule;
    }

    @Override
    public String normalize(String text, ProblemSite site) {
        return rule.apply(text, site);
    }

    @Override
    public String describe() {
        return description;
    }

    private static String timeOfDay(String text, ProblemSite site) {
        return HH_MM.matcher(text).matches() ? text : site.report("value.timeOfDay", text);
    }

    private static String fileType(String text, ProblemSite site) {
        String lower = text.toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(lower).matches() || MEDIA_TYPE.matcher(lower).matches()
            ? lower : site.report("value.fileType", text);
    }

    // ZoneId also reads fixed offsets ("+09:00", "Z") and prefixed ones ("UTC+9", "GMT+9"),
    // which follow no daylight-saving or legal changes: a device needs a region.
    private static String timeZone(String text, ProblemSite site) {
        try {
            ZoneId zone = ZoneId.of(text);
            if (!(zone instanceof ZoneOffset) && !PREFIXED_OFFSET.matcher(text).matches()) {
                return zone.getId();
            }
        } catch (DateTimeException notAZone) {
            // reported below, like an offset
        }
        return site.report("value.timeZone", text);
    }

    private static String languageTag(String text, ProblemSite site) {
        String tag = Locale.forLanguageTag(text).toLanguageTag();
        return tag.equalsIgnoreCase(text) && !"und".equals(tag) ? tag
            : site.report("value.languageTag", text);
    }

    private static String appId(String text, ProblemSite site) {
        return APP.matcher(text).matches() ? text : site.report("value.appId", text);
    }

    private static String freeText(String text, ProblemSite site) {
        // One spelling of a line break, so text pasted from Windows hashes like the same text
        // typed anywhere else.
        String unified = text.replace("\r\n", "\n");
        return CONTROL.matcher(unified).find() ? site.report("value.controlCharacter") : unified;
    }
}
