package io.kioskfleet.policies.catalogue;

import io.kioskfleet.policies.report.ProblemSite;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of URL allow and block patterns: {@code scheme://host[:port][/path]} where the
 * scheme is {@code http}, {@code https} or {@code *}, the host may start with {@code *.}, and
 * {@code *} in the path matches anything. Scheme and host are case-insensitive, so their
 * canonical spelling is lower case; the path is kept as written because servers may care.
 */
final class UrlPattern {

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern URL = Pattern.compile(
        "(https?|\\*)://(\\*|(?:\\*\\.)?" + LABEL + "(?:\\." + LABEL + ")*)"
            + "(?::([0-9]{1,5}|\\*))?(/[^\\s]*)?", Pattern.CASE_INSENSITIVE);
    private static final int MAX_PORT = 65_535;

    private UrlPattern() {
    }

    static String normalize(String text, ProblemSite site) {
        Matcher url = URL.matcher(text);
        if (!url.matches() || !validPort(url.group(3))) {
            return site.report("value.urlPattern", text);
        }
        String port = url.group(3) == null ? "" : ":" + url.group(3);
        String path = url.group(4) == null ? "" : url.group(4);
        return url.group(1).toLowerCase(Locale.ROOT) + "://"
            + url.group(2).toLowerCase(Locale.ROOT) + port + path;
    }

    private static boolean validPort(String port) {
        return port == null || "*".equals(port) || Integer.parseInt(port) <= MAX_PORT;
    }
}
