package io.kioskfleet.console.security;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person who signed in at the organisation's identity provider, acting as the local
 * KioskFleet account the provider's claim named: that account's roles and units apply.
 */
public final class SignedInWithOidc extends DefaultOidcUser {

    private final SignedInUser account;

    SignedInWithOidc(OidcUser fromProvider, SignedInUser account) {
        super(account.getAuthorities(), fromProvider.getIdToken(), fromProvider.getUserInfo());
        this.account = account;
    }

    /** The local account whose roles and units apply. */
    public SignedInUser account() {
        return account;
    }

    /** The local user name, so the audit chain and the header name the KioskFleet account. */
    @Override
    public String getName() {
        return account.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInWithOidc that && super.equals(that) && account.username().equals(that.account.username());
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + account.username().hashCode();
    }

    @Override
    public String toString() {
        return "SignedInWithOidc[" + account.username() + ", roles=" + account.roles() + "]";
    }
}
