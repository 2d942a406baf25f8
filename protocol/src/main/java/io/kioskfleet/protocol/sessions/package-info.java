/** Guest sessions on a device: their start and end events, and the signed attestation of the wipe after each. */
package io.kioskfleet.protocol.sessions;
