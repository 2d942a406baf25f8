/**
 * Open findings of the sweeps that need someone's attention while they last: devices silent for
 * too long, commands not acknowledged in time. Each sweep replaces its kind's findings with what
 * it found, so a finding goes away once its cause does.
 */
package io.kioskfleet.core.findings;
