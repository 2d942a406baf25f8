package io.kioskfleet.core.sessions;

/**
 * Told when a device reports a new session, so other features can react (a desk booking is
 * checked in when its booker signs in at the desk). It must not fail the device's report.
 */
@FunctionalInterface
public interface SessionStartListener {

    /** Nobody listens. */
    SessionStartListener NONE = session -> {
    };

    /** A new session {@code session} was recorded (called once per session, not for repeated reports). */
    void started(Session session);
}
