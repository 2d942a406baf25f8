/**
 * The scheduler: Quartz with its in-memory store, loaded from the schedules in MongoDB, run on
 * the one instance holding the scheduler lease, and the misfire rule for fires missed while no
 * instance held it.
 */
package io.kioskfleet.jobs.scheduling;
