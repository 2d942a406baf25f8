package io.kioskfleet.core.desks;

import io.kioskfleet.core.input.InputCheck;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a site allows its staff to book.
 *
 * @param maxDaysAhead       how many days ahead a booking may be (0: today only)
 * @param maxPerWeek         how many bookings one person may hold in one ISO week at the site
 * @param allowedSlots       the slot kinds staff may book
 * @param noShowGraceMinutes how long after a slot starts an unchecked-in booking is released
 */
public record BookingLimits(int maxDaysAhead, int maxPerWeek, Set<SlotKind> allowedSlots, int noShowGraceMinutes) {

    /** Two weeks ahead, five a week, every slot kind, 30 minutes' grace. */
    public static final BookingLimits DEFAULT = new BookingLimits(14, 5, EnumSet.allOf(SlotKind.class), 30);

    public BookingLimits {
        allowedSlots = allowedSlots == null ? Set.of() : Set.copyOf(allowedSlots);
    }

    /** Records every way these limits are unusable, under {@code path}. */
    void check(InputCheck check, String path) {
        check.require(maxDaysAhead >= 0 && maxDaysAhead <= 366, path + ".maxDaysAhead", "must be from 0 to 366");
        check.require(maxPerWeek >= 1 && maxPerWeek <= 50, path + ".maxPerWeek", "must be from 1 to 50");
        check.require(!allowedSlots.isEmpty(), path + ".allowedSlots", "must allow at least one slot kind");
        check.require(noShowGraceMinutes >= 5 && noShowGraceMinutes <= 240, path + ".noShowGraceMinutes",
            "must be from 5 to 240");
    }
}
