package io.kioskfleet.core.desks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One claim on a desk's (or a person's) time on one date; the unique index on {@code slot}, in
 * the date's own collection, is what makes a double booking impossible. Three shapes (see
 * docs/desks.md, "No double booking"):
 * <ul>
 *   <li>a <em>block</em> claim: a morning or afternoon wholly, taken by a MORNING, AFTERNOON or
 *       WHOLE_DAY booking ({@code slot} = {@code deskId@AM} / {@code deskId@PM});</li>
 *   <li>an <em>hour</em> claim: one hour, taken by an HOURLY booking ({@code deskId@09});</li>
 *   <li>a <em>partial</em> marker: holds the same {@code slot} as the block it lies in, but is
 *       shared by every hourly booking inside that block ({@code holders}), so an hourly booking
 *       and a block booking of the same half-day can never both exist, while hourly bookings of
 *       different hours can.</li>
 * </ul>
 * The {@code _id} of a block or hour claim also names its booking ({@code slot/bookingId}), so
 * giving it back is one delete by {@code _id} that can never remove another booking's claim.
 *
 * @param id        {@code slot/bookingId}, or {@code slot#partial} for a partial marker
 * @param slot      what is claimed; unique per date. A person's claims start with {@code ~}
 * @param deskId    the desk, or null for a person's claim
 * @param hours     the hours it covers, one bit per hour (0 for a partial marker)
 * @param bookingId the booking that holds it (null for a partial marker); a claim whose booking
 *                  never became CONFIRMED is an orphan
 * @param user      the booker, so a session at the desk finds its booking with one read
 * @param claimedAt when it was taken, to tell a booking in progress from one a crash left behind
 * @param holders   for a partial marker, the hourly bookings inside its block; otherwise null
 */
public record DeskClaim(@BsonId String id, String slot, String deskId, int hours, String bookingId, String user,
                        Instant claimedAt, List<String> holders) {

    /** Suffix of a partial marker's {@code _id}. */
    static final String PARTIAL = "#partial";

    /** True for a partial marker (shared by hourly bookings), false for a claim held by one booking. */
    boolean partial() {
        return bookingId == null;
    }

    /** The slot of {@code holder}'s (a desk id, or {@code ~user}) claim on {@code hour}. */
    static String hourSlot(String holder, int hour) {
        return holder + "@" + (hour < 10 ? "0" + hour : Integer.toString(hour));
    }

    /** The slot of {@code holder}'s claim on the half-day {@code block}. */
    static String blockSlot(String holder, HalfDay block) {
        return holder + "@" + block.label();
    }

    /** A claim of {@code slot} covering {@code hours} for {@code booking}. */
    static DeskClaim of(String slot, String deskId, int hours, Booking booking, Instant at) {
        return new DeskClaim(slot + "/" + booking.id(), slot, deskId, hours, booking.id(), booking.user(), at, null);
    }

    /** The two halves of the office day a block claim covers. */
    enum HalfDay {
        MORNING("AM", Slot.OPENS, Slot.NOON), AFTERNOON("PM", Slot.NOON, Slot.CLOSES);

        private final String label;
        private final int from;
        private final int to;

        HalfDay(String label, int from, int to) {
            this.label = label;
            this.from = from;
            this.to = to;
        }

        String label() {
            return label;
        }

        /** Its hours as bits. */
        int mask() {
            return ((1 << to) - 1) & ~((1 << from) - 1);
        }

        /** The half-days {@code hourMask} touches. */
        static List<HalfDay> touchedBy(int hourMask) {
            return Arrays.stream(values()).filter(half -> (half.mask() & hourMask) != 0).toList();
        }

        /** The half-day {@code hour} lies in. */
        static HalfDay of(int hour) {
            return hour < Slot.NOON ? MORNING : AFTERNOON;
        }
    }
}
