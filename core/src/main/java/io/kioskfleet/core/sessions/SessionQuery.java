package io.kioskfleet.core.sessions;

import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Instant;

/**
 * Which sessions to list; every part is optional.
 *
 * @param deviceId only this device's
 * @param ouId     only those of devices in this unit and its sub-units
 * @param from     only those started at or after this
 * @param to       only those started before this
 * @param state    only those in this state
 */
public record SessionQuery(String deviceId, String ouId, Instant from, Instant to, SessionState state) {

    /** Every session of one device. */
    public static SessionQuery ofDevice(String deviceId) {
        return new SessionQuery(deviceId, null, null, null, null);
    }
}
