/**
 * The device-facing HTTP API under {@code /agent/v1}: enrollment, check-in, commands, events and
 * wipe attestations. It meets the console and the jobs only through {@code core}.
 */
package io.kioskfleet.agentapi;
