package io.kioskfleet.console.security;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.users.User;
import io.kioskfleet.core.users.UserAccounts;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Maps a person signed in at the identity provider to their local KioskFleet account by one
 * claim; the provider proves who they are, the local account says what they may do. Nobody
 * gets in without an enabled local account, and every refusal is written to the audit chain.
 */
public final class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a refused sign-in, so the sign-in page can say why. */
    static final String NO_ACCOUNT = "kioskfleet_no_account";

    private static final String FALLBACK_CLAIM = "email";

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final UserAccounts accounts;
    private final AuditChain audit;
    private final String usernameClaim;
    private final String usernameDomain;

    /**
     * @param usernameClaim  the claim naming the local account (falls back to {@code email})
     * @param usernameDomain when not blank, {@code name@<domain>} names the local account
     *                       {@code name}, and names in other domains are refused
     */
    OidcAccounts(UserAccounts accounts, AuditChain audit, String usernameClaim, String usernameDomain) {
        if (usernameClaim == null || usernameClaim.isBlank()) {
            throw new IllegalArgumentException("kioskfleet.oidc.username-claim must name a claim");
        }
        this.provider = new OidcUserService();
        this.accounts = accounts;
        this.audit = audit;
        this.usernameClaim = usernameClaim;
        this.usernameDomain = usernameDomain == null ? "" : usernameDomain.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser person = provider.loadUser(request);
        String claimed = Optional.ofNullable(person.getClaimAsString(usernameClaim))
            .or(() -> Optional.ofNullable(person.getClaimAsString(FALLBACK_CLAIM)))
            .map(value -> value.strip().toLowerCase(Locale.ROOT))
            .orElse("");
        String registration = request.getClientRegistration().getRegistrationId();
        Optional<User> account = localName(claimed).flatMap(accounts::findByUsername);
        if (account.isEmpty() || !account.get().enabled()) {
            String reason = account.isEmpty() ? "no-account" : "disabled";
            String who = claimed.isEmpty() ? "oidc:" + person.getSubject() : claimed;
            audit.note(new Actor(who, Set.of(), Set.of(), SignInOutcomes.remoteAddress()), "sign-in.refused", "user", who,
                Map.of("provider", registration, "reason", reason));
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_ACCOUNT,
                "No enabled KioskFleet account for '" + who + "' (" + reason + ")", null));
        }
        SignedInUser local = SignedInUser.of(account.get());
        local.eraseCredentials();
        return new SignedInWithOidc(person, local);
    }

    private Optional<String> localName(String claimed) {
        if (usernameDomain.isEmpty()) {
            return claimed.isEmpty() ? Optional.empty() : Optional.of(claimed);
        }
        String suffix = "@" + usernameDomain;
        return claimed.endsWith(suffix) && claimed.length() > suffix.length()
            ? Optional.of(claimed.substring(0, claimed.length() - suffix.length()))
            : Optional.empty();
    }
}
