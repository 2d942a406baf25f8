package io.kioskfleet.console.users;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.users.UserAccounts;
import io.kioskfleet.core.users.UserDraft;
import io.kioskfleet.core.users.UserView;
import java.util.List;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's account pages: who may sign in, with which roles and, for branch admins, which
 * units; an account's page changes its roles and units, disables it or sets a new password.
 */
@ConsolePage
public class UserPages {

    private final UserAccounts accounts;
    private final OrganisationUnits units;

    public UserPages(UserAccounts accounts, OrganisationUnits units) {
        this.accounts = accounts;
        this.units = units;
    }

    @GetMapping("/users")
    public String list(Actor actor, Model model) {
        model.addAttribute("users", accounts.list(actor));
        model.addAttribute("roles", Role.values());
        model.addAttribute("units", units.all());
        return "users";
    }

    @PostMapping("/users")
    public String create(Actor actor, Model model, @RequestParam String username, @RequestParam String password,
                         @RequestParam Role role, @RequestParam(required = false) List<String> ouScope) {
        try {
            accounts.create(actor, new UserDraft(username, password, Set.of(role),
                ouScope == null ? Set.of() : Set.copyOf(ouScope)));
            model.addAttribute("created", username);
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
        } catch (ConflictException conflict) {
            model.addAttribute("conflict", conflict);
        }
        return list(actor, model);
    }

    @GetMapping("/users/{id}")
    public String account(Actor actor, Model model, @PathVariable String id) {
        UserView account = accounts.get(actor, id);
        model.addAttribute("account", account);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AccountForm(account.roles(), account.ouScope(), account.enabled()));
        }
        model.addAttribute("canEdit", actor.has(Role.FLEET_ADMIN));
        model.addAttribute("canSetPassword", actor.has(Role.FLEET_ADMIN) || account.username().equals(actor.username()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("units", units.all());
        return "user";
    }

    @PostMapping("/users/{id}")
    public String change(Actor actor, Model model, @PathVariable String id,
                         @RequestParam(required = false) Set<Role> roles, @RequestParam(required = false) Set<String> ouScope,
                         @RequestParam(defaultValue = "false") boolean enabled, @RequestParam long version) {
        try {
            accounts.change(actor, id, roles, ouScope, enabled, version);
            return "redirect:/users/" + id + "?saved";
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
        } catch (ConflictException conflict) {
            model.addAttribute("conflict", conflict);
        }
        model.addAttribute("form", new AccountForm(roles, ouScope, enabled));
        return account(actor, model, id);
    }

    @PostMapping("/users/{id}/password")
    public String resetPassword(Actor actor, Model model, @PathVariable String id, @RequestParam String password) {
        try {
            accounts.setPassword(actor, id, password);
            return "redirect:/users/" + id + "?passwordSet";
        } catch (InvalidInputException refused) {
            model.addAttribute("passwordErrors", refused.errors());
        } catch (ConflictException conflict) {
            model.addAttribute("conflict", conflict);
        }
        return account(actor, model, id);
    }

    /** An account's roles, units and sign-in permission as the form shows them: stored, or as typed when refused. */
    public record AccountForm(Set<Role> roles, Set<String> ouScope, boolean enabled) {

        public AccountForm {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            ouScope = ouScope == null ? Set.of() : Set.copyOf(ouScope);
        }
    }
}
