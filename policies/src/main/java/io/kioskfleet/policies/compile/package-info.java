/**
 * Compiling effective policies into the device payload, deterministically, and reusing the
 * result across the many devices of one OU.
 */
package io.kioskfleet.policies.compile;
