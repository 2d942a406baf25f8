package io.kioskfleet.console.policies;

/**
 * The optional body of a publish: the draft version the caller reviewed.
 *
 * @param version the draft version; publishing is refused (409) if the draft changed since
 */
public record PublishRequest(Long version) {
}
