package io.kioskfleet.core.desks;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One hour of one desk on one date, taken by one booking: the unique {@code _id}
 * ({@code deskId@hour}, in the date's own collection) is what makes a double booking impossible.
 *
 * @param id        {@code deskId@HH}
 * @param deskId    the desk
 * @param hour      the hour (8–19)
 * @param bookingId the booking that holds it; a claim whose booking never became CONFIRMED is an orphan
 * @param user      the booker, so a session at the desk finds its booking with one read
 * @param claimedAt when it was taken, to tell a booking in progress from one a crash left behind
 */
public record DeskClaim(@BsonId String id, String deskId, int hour, String bookingId, String user, Instant claimedAt) {

    /** The id of {@code deskId}'s claim on {@code hour}. */
    static String idOf(String deskId, int hour) {
        return deskId + "@" + (hour < 10 ? "0" + hour : Integer.toString(hour));
    }
}
