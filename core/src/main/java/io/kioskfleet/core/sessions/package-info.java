/**
 * Guest sessions and the proof that each was wiped: session start and end events from devices,
 * wipe attestations verified and linked to their session (or refused and kept as evidence), and
 * the auditors' reading of both. Everything here is kept in per-month collections.
 */
package io.kioskfleet.core.sessions;
