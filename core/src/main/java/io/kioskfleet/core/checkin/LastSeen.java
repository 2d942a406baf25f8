package io.kioskfleet.core.checkin;

import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.input.Rule;
import java.util.Arrays;

/**
 * A filter on when devices last checked in: online now, silent for more than some hours, or never
 * seen at all.
 *
 * @param kind        which of the three
 * @param silentHours for {@link Kind#SILENT}: how many hours without a check-in, 1 to a year; ignored otherwise
 */
public record LastSeen(Kind kind, int silentHours) {

    static final int MAX_HOURS = 24 * 366;

    /** The three ways a device can stand. */
    public enum Kind {
        /** Checked in within the online window (a few minutes). */
        ONLINE,
        /** Checked in once, but not for more than {@code silentHours}. */
        SILENT,
        /** Never checked in. */
        NEVER
    }

    public LastSeen {
        new InputCheck()
            .require(kind != null, "lastSeen", Rule.NOT_ONE_OF, Arrays.toString(Kind.values()))
            .require(kind != Kind.SILENT || (silentHours >= 1 && silentHours <= MAX_HOURS), "silentHours",
                Rule.OUT_OF_RANGE, 1, MAX_HOURS)
            .orThrow();
    }

    /** The filter a request asks for, or null (any) when it names no kind; silent for a day unless it says. */
    public static LastSeen requested(Kind kind, Integer silentHours) {
        return kind == null ? null : new LastSeen(kind, silentHours == null ? 24 : silentHours);
    }
}
