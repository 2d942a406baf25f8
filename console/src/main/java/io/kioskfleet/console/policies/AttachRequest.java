package io.kioskfleet.console.policies;

/**
 * The body of a request to attach a policy to a unit.
 *
 * @param policyId      the policy
 * @param pinnedVersion a published version to stay on, or absent to follow the latest
 */
public record AttachRequest(String policyId, Integer pinnedVersion) {
}
