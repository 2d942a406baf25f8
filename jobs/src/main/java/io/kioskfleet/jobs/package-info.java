/**
 * Schedules (Quartz) and bulk work (Spring Batch): logout and wipe waves, sweeps, escalations.
 * Jobs notify devices only by writing commands through {@code core}.
 */
package io.kioskfleet.jobs;
