/**
 * OU inheritance: how the policies attached along an OU chain, and a device's time-limited
 * exception, combine into the effective policy, with each value's origin and lock. It takes
 * plain inputs and knows no storage.
 */
package io.kioskfleet.policies.inheritance;
