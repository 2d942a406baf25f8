package io.kioskfleet.core.access;

import java.util.Objects;
import java.util.Set;

/**
 * Who asks for a change, and from where: every service call that changes state takes one, so
 * the audit chain can say who did what from which address and scoping is checked in one place.
 *
 * @param username      the signed-in user (or {@code system} for the service itself)
 * @param roles         the user's roles
 * @param ouScope       for a branch admin, the OUs (with their sub-OUs) they may manage
 * @param sourceAddress the caller's network address, or {@code local}
 */
public record Actor(String username, Set<Role> roles, Set<String> ouScope, String sourceAddress) {

    /** The service itself, for start-up work such as the first admin and demo data. */
    public static final Actor SYSTEM = new Actor("system", Set.of(Role.FLEET_ADMIN), Set.of(), "local");

    /** A device acting on its own behalf (reporting a command's result), for the audit chain; it holds no role. */
    public static Actor device(String deviceId, String sourceAddress) {
        return new Actor("device:" + deviceId, Set.of(), Set.of(), sourceAddress);
    }

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        ouScope = Set.copyOf(ouScope);
        sourceAddress = sourceAddress == null ? "unknown" : sourceAddress;
    }

    /** True when the actor holds {@code role}. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** @throws ForbiddenException unless the actor holds one of {@code allowed} */
    public void requireAny(Role... allowed) {
        for (Role role : allowed) {
            if (has(role)) {
                return;
            }
        }
        throw new ForbiddenException(username + " may not do this");
    }
}
