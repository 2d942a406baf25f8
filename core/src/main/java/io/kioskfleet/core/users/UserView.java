package io.kioskfleet.core.users;

import io.kioskfleet.core.access.Role;
import java.time.Instant;
import java.util.Set;

/** An account as admins see it: everything but the password hash. */
public record UserView(String id, String username, Set<Role> roles, Set<String> ouScope, boolean enabled,
                       Instant createdAt, long version) {

    static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.roles(), user.ouScope(), user.enabled(), user.createdAt(),
            user.version());
    }
}
