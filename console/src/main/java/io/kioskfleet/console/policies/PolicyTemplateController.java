package io.kioskfleet.console.policies;

import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.policies.templates.PolicyTemplate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/policy-templates}: the ready-made policies administrators start from. */
@RestController
@RequestMapping("/api/v1/policy-templates")
public class PolicyTemplateController {

    @GetMapping
    public List<PolicyTemplateView> list() {
        return PolicyTemplate.all().stream().map(PolicyTemplateView::of).toList();
    }

    @GetMapping("/{name}")
    public PolicyTemplateView get(@PathVariable String name) {
        return PolicyTemplate.all().stream().filter(template -> template.id().equals(name)).findFirst()
            .map(PolicyTemplateView::of).orElseThrow(() -> new NotFoundException("policy template", name));
    }
}
