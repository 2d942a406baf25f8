package io.kioskfleet.console.security;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.users.User;
import io.kioskfleet.core.users.UserAccounts;
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

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider = new OidcUserService();
    private final UserAccounts accounts;
    private final AuditChain audit;
    private final AccountNaming naming;

    OidcAccounts(UserAccounts accounts, AuditChain audit, AccountNaming naming) {
        this.accounts = accounts;
        this.audit = audit;
        this.naming = naming;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser person = provider.loadUser(request);
        String claimed = naming.claimed(person.getClaims());
        Optional<String> localName = naming.localName(claimed);
        Optional<User> account = localName.flatMap(accounts::findByUsername);
        if (account.isEmpty() || !account.get().enabled()) {
            String reason = claimed.isEmpty() ? "no-name" : localName.isEmpty() ? "other-domain"
                : account.isEmpty() ? "no-account" : "disabled";
            String who = claimed.isEmpty() ? "oidc:" + person.getSubject() : claimed;
            audit.note(new Actor(who, Set.of(), Set.of(), SignInOutcomes.remoteAddress()), "sign-in.refused", "user", who,
                Map.of("provider", request.getClientRegistration().getRegistrationId(), "reason", reason));
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_ACCOUNT,
                "No enabled KioskFleet account for '" + who + "' (" + reason + ")", null));
        }
        SignedInUser local = SignedInUser.of(account.get());
        local.eraseCredentials();
        return new SignedInWithOidc(person, local);
    }
}
