package io.kioskfleet.core.users;

import io.kioskfleet.core.access.Role;
import java.time.Instant;
import java.util.Set;

/** An API token as its owner and admins see it: never its secret or hash. */
public record ApiTokenView(String id, String owner, String name, Set<Role> roles, Instant createdAt, Instant expiresAt,
                           Instant revokedAt, boolean usable) {

    static ApiTokenView of(ApiToken token, Instant now) {
        return new ApiTokenView(token.id(), token.owner(), token.name(), token.roles(), token.createdAt(),
            token.expiresAt(), token.revokedAt(), token.usableAt(now));
    }
}
