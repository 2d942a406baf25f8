/** A device's life in one list: admin changes, remote commands, sessions and their wipes. */
package io.kioskfleet.core.timeline;
