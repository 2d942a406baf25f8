package io.kioskfleet.console.security;

import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.users.User;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A stored user account as Spring Security sees it, keeping the OU scope for the services.
 * The password hash is dropped once sign-in has checked it and never appears in logs.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    private final String username;
    private String password;
    private final Set<Role> roles;
    private final Set<String> ouScope;
    private final boolean enabled;

    SignedInUser(String username, String password, Set<Role> roles, Set<String> ouScope, boolean enabled) {
        this.username = username;
        this.password = password;
        this.roles = Set.copyOf(roles);
        this.ouScope = Set.copyOf(ouScope);
        this.enabled = enabled;
    }

    public String username() {
        return username;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Set<String> ouScope() {
        return ouScope;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + ", roles=" + roles + "]";
    }

    static SignedInUser of(User user) {
        return new SignedInUser(user.username(), user.passwordHash(), user.roles(), user.ouScope(), user.enabled());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
