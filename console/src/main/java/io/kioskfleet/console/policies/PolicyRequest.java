package io.kioskfleet.console.policies;

import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;

/**
 * The body of a request to create a policy or replace its draft.
 *
 * @param name    the policy's shown name (required to create; optional to edit)
 * @param source  the YAML or JSON text of the draft
 * @param version the draft version the caller read (required to edit)
 */
public record PolicyRequest(String name, String source, Long version) {

    long requiredVersion() {
        if (version == null) {
            throw new InvalidInputException("version", Rule.VERSION_REQUIRED);
        }
        return version;
    }
}
