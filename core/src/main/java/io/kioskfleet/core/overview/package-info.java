/** The fleet at a glance: per branch, devices online, silent, locked; sessions now and today; open tickets. */
package io.kioskfleet.core.overview;
