package io.kioskfleet.console.policies;

import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.input.Rule;

/**
 * The body of a roll back.
 *
 * @param toVersion the published version whose text becomes the newest version again
 */
public record RollbackRequest(Integer toVersion) {

    int requiredVersion() {
        if (toVersion == null) {
            throw new InvalidInputException("toVersion", Rule.REQUIRED);
        }
        return toVersion;
    }
}
