package io.kioskfleet.core.desks;

import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.sessions.SessionStartListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a booker in when a laptop session starts at their desk: the session names the user
 * and the desk (its id, as printed on the desk's QR label). A session at a desk they did not
 * book changes nothing, and a failure here never fails the device's report.
 */
public final class DeskSessionCheckIn implements SessionStartListener {

    private static final Logger log = LoggerFactory.getLogger(DeskSessionCheckIn.class);

    private final DeskBookings bookings;

    public DeskSessionCheckIn(DeskBookings bookings) {
        this.bookings = bookings;
    }

    @Override
    public void started(Session session) {
        if (session.user() == null || session.desk() == null) {
            return;
        }
        try {
            bookings.checkInFromSession(session.user(), session.desk())
                .ifPresent(booking -> log.debug("Session {} checked {} in to booking {}", session.id(), session.user(), booking.id()));
        } catch (RuntimeException e) {
            // The device's session is recorded either way; the booker can still check in by QR or web.
            log.warn("Session {} could not check {} in at desk {}: {}", session.id(), session.user(), session.desk(), e.getMessage());
        }
    }
}
