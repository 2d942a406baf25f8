/**
 * Logout, wipe and reboot waves: a Spring Batch job per run that reads the target devices in id
 * order, gives each its place in the spread window, and queues one command per device in chunks,
 * recording each chunk done so an interrupted run carries on where it stopped.
 */
package io.kioskfleet.jobs.waves;
