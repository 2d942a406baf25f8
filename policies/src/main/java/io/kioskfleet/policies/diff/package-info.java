/** Setting-level differences between two versions of a policy, for review and the audit trail. */
package io.kioskfleet.policies.diff;
