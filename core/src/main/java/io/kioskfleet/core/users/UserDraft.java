package io.kioskfleet.core.users;

import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a fleet admin writes to create an account.
 *
 * @param username the sign-in name: 3–64 lower-case letters, digits, '.', '_' or '-'
 * @param password at least {@value #MIN_PASSWORD} characters
 * @param roles    at least one role
 * @param ouScope  for a branch admin, the units they manage (at least one); empty otherwise
 */
public record UserDraft(String username, String password, Set<Role> roles, Set<String> ouScope) {

    static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    public UserDraft {
        username = username == null ? null : username.strip().toLowerCase(Locale.ROOT);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        ouScope = ouScope == null ? Set.of() : Set.copyOf(ouScope);
    }

    void check(InputCheck check) {
        check.require(username != null && USERNAME.matcher(username).matches(), "username", Rule.CHARACTERS, 3, 64, "a-z 0-9 . _ -");
        checkPassword(check, password);
        checkRoles(check, roles, ouScope);
    }

    static void checkPassword(InputCheck check, String password) {
        check.require(password != null && password.length() >= MIN_PASSWORD && password.length() <= 200, "password", Rule.LENGTH, MIN_PASSWORD, 200);
    }

    static void checkRoles(InputCheck check, Set<Role> roles, Set<String> ouScope) {
        check.require(!roles.isEmpty(), "roles", Rule.EMPTY)
            .require(!roles.contains(Role.BRANCH_ADMIN) || !ouScope.isEmpty(), "ouScope", Rule.BRANCH_ADMIN_UNITS)
            .require(roles.contains(Role.BRANCH_ADMIN) || ouScope.isEmpty(), "ouScope", Rule.UNITS_ONLY_FOR_BRANCH_ADMIN);
    }
}
