package io.kioskfleet.console.policies;

import io.kioskfleet.policies.templates.PolicyTemplate;

/**
 * A template as the API shows it.
 *
 * @param name   the template's id, also the name of its policy
 * @param source its YAML text, to copy into a new policy
 */
public record PolicyTemplateView(String name, String source) {

    static PolicyTemplateView of(PolicyTemplate template) {
        return new PolicyTemplateView(template.id(), template.text());
    }
}
