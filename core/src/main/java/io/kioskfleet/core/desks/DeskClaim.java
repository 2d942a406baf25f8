package io.kioskfleet.core.desks;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One hour of one desk (or of one person) on one date, taken by one booking. The unique index
 * on {@code slot} ({@code deskId@HH}, in the date's own collection) is what makes a double
 * booking impossible; the {@code _id} also names the booking ({@code slot/bookingId}), so giving
 * a claim back is one delete by {@code _id} that can never remove another booking's claim (the
 * embedded store answers {@code _id} and unique-index equality without a scan, nothing else).
 *
 * @param id        {@code slot/bookingId}
 * @param slot      {@code deskId@HH}, or {@code ~user@HH} for the person's hour; unique
 * @param deskId    the desk, or null for a person's claim
 * @param hour      the hour (8–19)
 * @param bookingId the booking that holds it; a claim whose booking never became CONFIRMED is an orphan
 * @param user      the booker, so a session at the desk finds its booking with one read
 * @param claimedAt when it was taken, to tell a booking in progress from one a crash left behind
 */
public record DeskClaim(@BsonId String id, String slot, String deskId, int hour, String bookingId, String user,
                        Instant claimedAt) {

    /** The slot of {@code holder}'s (a desk id, or {@code ~user}) claim on {@code hour}. */
    static String slotOf(String holder, int hour) {
        return holder + "@" + (hour < 10 ? "0" + hour : Integer.toString(hour));
    }

    /** A claim of {@code slot} for {@code booking}. */
    static DeskClaim of(String slot, String deskId, int hour, Booking booking, Instant at) {
        return new DeskClaim(slot + "/" + booking.id(), slot, deskId, hour, booking.id(), booking.user(), at);
    }
}
