/**
 * Shared-laptop lending: each site keeps a pool of laptops that are checked out to a person (or
 * a desk) until a due date and given back; a laptop goes out again only once its last session's
 * wipe is VERIFIED.
 */
package io.kioskfleet.core.loans;
