/**
 * Schedules: stored plans of timed logout and wipe waves, sweeps and escalations, and the port
 * ({@link io.kioskfleet.core.schedules.ScheduledWork}) through which a firing becomes a job run.
 */
package io.kioskfleet.core.schedules;
