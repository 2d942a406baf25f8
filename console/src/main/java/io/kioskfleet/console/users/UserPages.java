package io.kioskfleet.console.users;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.users.UserAccounts;
import io.kioskfleet.core.users.UserDraft;
import java.util.List;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's accounts page: who may sign in, with which role and, for branch admins, which units. */
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
            model.addAttribute("errors", refused.errors().stream().map(e -> e.path() + ": " + e.message()).toList());
        } catch (ConflictException conflict) {
            model.addAttribute("errors", List.of(conflict.getMessage()));
        }
        return list(actor, model);
    }
}
