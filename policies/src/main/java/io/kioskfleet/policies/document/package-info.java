/**
 * The policy document ({@code apiVersion: kioskfleet/v1}, {@code kind: Policy}): reading it from
 * YAML or JSON, its canonical form, and the ETag taken over that form.
 */
package io.kioskfleet.policies.document;
