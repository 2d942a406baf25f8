package io.kioskfleet.console.users;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.console.ConsolePageModel;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.users.ApiTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's API-token page: issue a token for a script (its secret is shown this once), see
 * your tokens (a fleet admin or auditor sees everyone's) and revoke one at once.
 */
@ConsolePage
public class ApiTokenPages {

    private final ApiTokens tokens;
    private final ConsolePageModel page;

    public ApiTokenPages(ApiTokens tokens, ConsolePageModel page) {
        this.tokens = tokens;
        this.page = page;
    }

    @GetMapping("/api-tokens")
    public String list(Actor actor, Model model) {
        model.addAttribute("tokens", tokens.list(actor));
        model.addAttribute("roles", actor.roles().stream().sorted().toList());
        model.addAttribute("defaultExpiry", LocalDate.now(page.zone()).plusDays(90));
        return "api-tokens";
    }

    @PostMapping("/api-tokens")
    public String issue(Actor actor, Model model, @RequestParam String name, @RequestParam(required = false) String expiresOn,
                        @RequestParam(required = false) Set<Role> roles) {
        try {
            model.addAttribute("issued", tokens.issue(actor, name, roles, endOf(expiresOn)));
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
        }
        return list(actor, model);
    }

    @PostMapping("/api-tokens/{id}/revoke")
    public String revoke(Actor actor, @PathVariable String id) {
        tokens.revoke(actor, id);
        return "redirect:/api-tokens?revoked";
    }

    /** The last moment of the chosen day in the console's time zone: a token "until the 30th" works all that day. */
    private Instant endOf(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day).plusDays(1).atStartOfDay(page.zone()).toInstant().minusSeconds(1);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expiresAt", Rule.FORMAT, "YYYY-MM-DD");
        }
    }
}
