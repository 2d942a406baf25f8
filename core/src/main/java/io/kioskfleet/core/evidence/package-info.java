/**
 * Auditors' evidence that no data remained on any device: for a period and units, every session
 * with the proof of its wipe checked again, totals, and every gap spelled out (sessions without
 * proof, failed or late wipes, devices offline or lost, policy changes to wipe settings, a broken
 * audit chain); streamed from the month buckets, exported as CSV and PDF with a detached signature.
 */
package io.kioskfleet.core.evidence;
