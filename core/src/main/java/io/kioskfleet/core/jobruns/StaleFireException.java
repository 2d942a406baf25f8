package io.kioskfleet.core.jobruns;

import io.kioskfleet.core.access.RefusedException;

/** A firing whose scheduler lease was taken over since: a deposed scheduler may not start work. */
public final class StaleFireException extends RefusedException {

    public StaleFireException(String runKey, long fencingToken) {
        super("stale-fencing-token", "the firing " + runKey + " carries fencing token " + fencingToken
            + ", which is no longer the scheduler lease's; it was not started");
    }
}
