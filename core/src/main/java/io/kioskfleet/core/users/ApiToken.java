package io.kioskfleet.core.users;

import io.kioskfleet.core.access.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A token a script uses instead of a password: it acts for its owner with at most the owner's
 * roles, until it expires or is revoked. Only a hash of its secret is stored.
 *
 * @param id         {@code tok_…}
 * @param ownerId    the account it acts for
 * @param owner      that account's user name
 * @param name       what it is for, e.g. "nightly inventory export"
 * @param secretHash SHA-256 of the secret (the secret is shown once, when issued)
 * @param roles      the roles it may use (a subset of the owner's)
 * @param createdAt  when it was issued
 * @param expiresAt  when it stops working
 * @param revokedAt  when it was revoked, or null
 * @param version    optimistic concurrency version
 */
public record ApiToken(@BsonId String id, String ownerId, String owner, String name, String secretHash, Set<Role> roles,
                       Instant createdAt, Instant expiresAt, Instant revokedAt, long version) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secretHash, "secretHash");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** True when it may be used at {@code now}. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
