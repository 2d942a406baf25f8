/**
 * The compiled policy a device receives at check-in: typed, self-describing and identified by
 * an ETag over its canonical JSON, so a device can tell whether what it holds is current.
 */
package io.kioskfleet.protocol.policy;
