package io.kioskfleet.core.desks;

import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.VersionConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frees the desks of people who did not come: a CONFIRMED booking nobody checked in to within
 * its site's grace period after the slot started becomes RELEASED and its hours free. It also
 * tidies what a crash left: a booking PENDING for longer than a booking takes becomes REJECTED
 * and gives back any claim it took. The NO_SHOW_RELEASE schedule runs it; running it twice
 * changes nothing more.
 */
public final class ReleasingNoShows {

    private static final Logger log = LoggerFactory.getLogger(ReleasingNoShows.class);

    private final SiteRepository sites;
    private final BookingRepository bookings;
    private final DeskClaims claims;
    private final ZoneId zone;

    public ReleasingNoShows(SiteRepository sites, BookingRepository bookings, DeskClaims claims, ZoneId zone) {
        this.sites = sites;
        this.bookings = bookings;
        this.claims = claims;
        this.zone = zone;
    }

    /**
     * What one run did.
     *
     * @param released no-show bookings released
     * @param rejected bookings a crash left PENDING, now REJECTED
     */
    public record Outcome(int released, int rejected) {
    }

    /** Releases the no-shows of yesterday and today as of {@code now}. */
    public Outcome release(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Map<String, Duration> graceOfSite = new HashMap<>();
        int released = 0;
        int rejected = 0;
        for (Booking booking : bookings.dated(today.minusDays(1), today, EnumSet.of(BookingState.CONFIRMED, BookingState.PENDING))) {
            if (booking.state() == BookingState.PENDING) {
                if (booking.createdAt().plus(DeskBookings.STALE_PENDING).isBefore(now)) {
                    close(booking, BookingState.REJECTED, now);
                    rejected++;
                }
                continue;
            }
            Duration grace = graceOfSite.computeIfAbsent(booking.siteId(), siteId -> sites.find(siteId)
                .map(site -> Duration.ofMinutes(site.limits().noShowGraceMinutes()))
                .orElse(Duration.ofMinutes(BookingLimits.DEFAULT.noShowGraceMinutes())));
            if (booking.slot().start(zone).plus(grace).isBefore(now)) {
                close(booking, BookingState.RELEASED, now);
                released++;
            }
        }
        if (released + rejected > 0) {
            log.info("No-show release: {} bookings released, {} interrupted bookings rejected", released, rejected);
        }
        return new Outcome(released, rejected);
    }

    private void close(Booking booking, BookingState state, Instant now) {
        try {
            bookings.replace(booking.closed(state, now, "no-show-release"), booking.version());
        } catch (VersionConflictException | NotFoundException changedMeanwhile) {
            // Checked in or cancelled since it was read: the booker's action wins.
            return;
        }
        claims.release(booking);
    }
}
