package io.kioskfleet.core.users;

import io.kioskfleet.core.access.Role;
import java.util.Set;

/**
 * Who a presented API token acts for, and with which roles: those the token was given that the
 * owner still holds now, so taking a role from a user takes it from their tokens too.
 */
public record TokenHolder(String tokenId, String username, Set<Role> roles, Set<String> ouScope) {
}
