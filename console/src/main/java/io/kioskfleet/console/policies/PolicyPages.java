package io.kioskfleet.console.policies;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;
import io.kioskfleet.core.policies.InvalidPolicyException;
import io.kioskfleet.core.policies.Policy;
import io.kioskfleet.core.policies.PolicyLibrary;
import io.kioskfleet.core.policies.PublishDryRun;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.policies.templates.PolicyTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's policy editor: start from a template, edit the YAML draft with its problems
 * shown by line, see what changed and which devices a publish would touch, publish, roll back.
 */
@ConsolePage
public class PolicyPages {

    private final PolicyLibrary library;
    private final PublishDryRun dryRun;

    public PolicyPages(PolicyLibrary library, PublishDryRun dryRun) {
        this.library = library;
        this.dryRun = dryRun;
    }

    @GetMapping("/policies")
    public String list(Actor actor, Model model) {
        model.addAttribute("policies", library.list(actor));
        model.addAttribute("templates", PolicyTemplate.all());
        return "policies";
    }

    @PostMapping("/policies")
    public String create(Actor actor, Model model, @RequestParam String name, @RequestParam String template) {
        try {
            PolicyTemplate chosen = PolicyTemplate.all().stream().filter(t -> t.id().equals(template)).findFirst()
                .orElseThrow(() -> new InvalidInputException("template", Rule.UNKNOWN_TEMPLATE, template));
            return "redirect:/policies/" + library.create(actor, name, chosen.text()).id();
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
            return list(actor, model);
        } catch (ConflictException refused) {
            model.addAttribute("error", refused.getMessage());
            return list(actor, model);
        }
    }

    @GetMapping("/policies/{id}")
    public String editor(Actor actor, Model model, @PathVariable String id) {
        Policy policy = library.get(actor, id);
        model.addAttribute("policy", policy);
        model.addAttribute("versions", library.versions(actor, id));
        if (policy.latestVersion() > 0 && policy.draftValid()) {
            model.addAttribute("changes", library.diff(actor, id, "latest", "draft"));
        }
        return "policy";
    }

    @PostMapping("/policies/{id}/draft")
    public String save(Actor actor, Model model, @PathVariable String id, @RequestParam String source, @RequestParam long version) {
        try {
            library.saveDraft(actor, id, null, source, version);
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
        } catch (ConflictException refused) {
            model.addAttribute("error", refused.getMessage());
        }
        return editor(actor, model, id);
    }

    @PostMapping("/policies/{id}/dry-run")
    public String preview(Actor actor, Model model, @PathVariable String id) {
        try {
            model.addAttribute("preview", dryRun.preview(actor, id));
        } catch (InvalidPolicyException invalid) {
            model.addAttribute("errors", invalid.errors());
        }
        return editor(actor, model, id);
    }

    @PostMapping("/policies/{id}/publish")
    public String publish(Actor actor, Model model, @PathVariable String id, @RequestParam long version) {
        try {
            model.addAttribute("published", library.publish(actor, id, version).number());
        } catch (InvalidPolicyException invalid) {
            model.addAttribute("errors", invalid.errors());
        } catch (ConflictException refused) {
            model.addAttribute("error", refused.getMessage());
        }
        return editor(actor, model, id);
    }

    @PostMapping("/policies/{id}/rollback")
    public String rollBack(Actor actor, Model model, @PathVariable String id, @RequestParam int number) {
        model.addAttribute("published", library.rollBack(actor, id, number).number());
        return editor(actor, model, id);
    }
}
