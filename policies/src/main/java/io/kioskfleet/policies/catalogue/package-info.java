/**
 * The settings catalogue: every policy setting with its key, type, range, default and
 * bilingual description, and the syntaxes of the values settings hold.
 */
package io.kioskfleet.policies.catalogue;
