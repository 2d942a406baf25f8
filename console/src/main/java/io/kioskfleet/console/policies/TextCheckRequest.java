package io.kioskfleet.console.policies;

/**
 * The body of a check of a policy text that is not stored.
 *
 * @param source the YAML or JSON text
 * @param ouId   the unit it would be attached to (optional: the root)
 */
public record TextCheckRequest(String source, String ouId) {
}
