package io.kioskfleet.core.jobruns;

import io.kioskfleet.core.store.ConflictException;

/**
 * A firing whose scheduler lease was taken over since: a deposed scheduler may not start work
 * (409 {@code stale-fencing-token} should it reach an HTTP caller, as a "run now" might).
 */
public final class StaleFireException extends ConflictException {

    public StaleFireException(String runKey, long fencingToken) {
        super("stale-fencing-token", "the firing " + runKey + " carries fencing token " + fencingToken
            + ", which is no longer the scheduler lease's; it was not started");
    }
}
