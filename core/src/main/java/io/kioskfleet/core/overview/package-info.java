/** The fleet at a glance: per branch, how many devices are online, silent, locked. */
package io.kioskfleet.core.overview;
