package io.kioskfleet.console.users;

import io.kioskfleet.core.access.Role;
import java.util.Set;

/**
 * The body of a request to create or change an account.
 *
 * @param password only when creating
 * @param enabled  only when changing (null keeps it enabled)
 * @param version  only when changing: the version read
 */
public record UserRequest(String username, String password, Set<Role> roles, Set<String> ouScope, Boolean enabled,
                          Long version) {
}
