package io.kioskfleet.core.users;

import io.kioskfleet.core.access.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A person who signs in to the console or the admin API.
 *
 * @param id           {@code usr_…}
 * @param username     the sign-in name, unique
 * @param passwordHash the password, hashed (never the password itself)
 * @param roles        what they may do
 * @param ouScope      for a branch admin, the units they manage
 * @param enabled      false to refuse sign-in without deleting the history
 * @param createdAt    when the account was created
 * @param version      optimistic concurrency version, starting at 1
 */
public record User(
    @BsonId String id,
    String username,
    String passwordHash,
    Set<Role> roles,
    Set<String> ouScope,
    boolean enabled,
    Instant createdAt,
    long version) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        ouScope = ouScope == null ? Set.of() : Set.copyOf(ouScope);
    }
}
