/**
 * Change notices between the instances that share one store, so each keeps what the hot path
 * needs in memory and drops it within seconds of a change made anywhere.
 */
package io.kioskfleet.core.changes;
