/** A device's life in one list: admin changes, remote commands, sessions and their wipe attestations, tickets, faults and check-ins. */
package io.kioskfleet.core.timeline;
