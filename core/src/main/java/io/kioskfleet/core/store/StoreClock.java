package io.kioskfleet.core.store;

import java.time.Clock;
import java.time.Duration;

/**
 * The clock services stamp times with. The store keeps instants to the millisecond, so times
 * are taken at that precision: what a caller gets back equals what a later read returns.
 */
public final class StoreClock {

    private StoreClock() {
    }

    /** The system clock in UTC, ticking in whole milliseconds. */
    public static Clock system() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
