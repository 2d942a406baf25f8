package io.kioskfleet.console.security;

import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.users.User;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A stored user account as Spring Security sees it, keeping the OU scope for the services. */
public record SignedInUser(String username, String password, Set<Role> roles, Set<String> ouScope, boolean enabled)
    implements UserDetails {

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
