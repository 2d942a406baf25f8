package io.kioskfleet.console.users;

import io.kioskfleet.core.access.Role;
import java.time.Instant;
import java.util.Set;

/**
 * The body of a request for a new API token.
 *
 * @param roles     the roles it may use; empty or missing: all of yours
 * @param expiresAt required, at most a year ahead
 */
public record ApiTokenRequest(String name, Set<Role> roles, Instant expiresAt) {
}
