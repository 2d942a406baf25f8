package io.kioskfleet.console.security;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How an identity provider's ID token names the local KioskFleet account: by one claim (else
 * {@code email}), in lower case, and, when a domain is set, only as {@code name@<domain>}.
 *
 * @param claim  the claim naming the account ({@code kioskfleet.oidc.username-claim})
 * @param domain empty, or the only domain accepted and dropped ({@code kioskfleet.oidc.username-domain})
 */
record AccountNaming(String claim, String domain) {

    private static final String FALLBACK_CLAIM = "email";

    AccountNaming {
        if (claim == null || claim.isBlank()) {
            throw new IllegalArgumentException("kioskfleet.oidc.username-claim must name a claim");
        }
        domain = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (domain.startsWith("@")) {
            throw new IllegalArgumentException("kioskfleet.oidc.username-domain is a domain without '@', e.g. city.example.lg.jp");
        }
    }

    /** The name the token gives, in lower case; empty when it has neither claim. */
    String claimed(Map<String, Object> claims) {
        Object value = claims.get(claim);
        if (!(value instanceof String text) || text.isBlank()) {
            value = claims.get(FALLBACK_CLAIM);
        }
        return value instanceof String text ? text.strip().toLowerCase(Locale.ROOT) : "";
    }

    /** The local user name {@code claimed} stands for; empty when there is none or it lies outside the domain. */
    Optional<String> localName(String claimed) {
        if (domain.isEmpty()) {
            return claimed.isEmpty() ? Optional.empty() : Optional.of(claimed);
        }
        String suffix = "@" + domain;
        return claimed.endsWith(suffix) && claimed.length() > suffix.length()
            ? Optional.of(claimed.substring(0, claimed.length() - suffix.length()))
            : Optional.empty();
    }
}
