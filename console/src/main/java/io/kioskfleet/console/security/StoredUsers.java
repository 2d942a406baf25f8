package io.kioskfleet.console.security;

import io.kioskfleet.core.users.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Looks up sign-in accounts in the store. */
public final class StoredUsers implements UserDetailsService {

    private final UserAccounts accounts;

    public StoredUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username).map(SignedInUser::of)
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
