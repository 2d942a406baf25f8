/**
 * Compliance exceptions: sessions whose wipe was never proven (no valid attestation in time, or
 * an attestation reporting leftovers), recorded once per session by the compliance sweep and
 * handed to listeners (tickets and webhooks connect here).
 */
package io.kioskfleet.core.compliance;
