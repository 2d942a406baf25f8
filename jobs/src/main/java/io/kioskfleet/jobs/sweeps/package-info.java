/**
 * Sweeps: plain, idempotent passes over what the fleet recorded (sessions without a verified
 * wipe, silent devices, unacknowledged commands, records past retention), each finding written
 * once under its own key.
 */
package io.kioskfleet.jobs.sweeps;
