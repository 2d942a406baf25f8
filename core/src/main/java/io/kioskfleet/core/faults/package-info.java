/** Faults devices report about themselves, kept per month, for the helpdesk. */
package io.kioskfleet.core.faults;
