/**
 * Policies on the server: drafts and their immutable published versions, attachment to OUs,
 * time-limited device exceptions, effective policies with provenance, and publish dry runs.
 * The language itself (reading, validation, inheritance, compilation) is the {@code policies} module.
 */
package io.kioskfleet.core.policies;
