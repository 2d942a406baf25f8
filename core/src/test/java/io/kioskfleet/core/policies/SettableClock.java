package io.kioskfleet.core.policies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock a test moves by hand, ticking in whole milliseconds as the store does. */
public final class SettableClock extends Clock {

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** A clock standing at {@code at}. */
    public static SettableClock at(Instant at) {
        SettableClock clock = new SettableClock();
        clock.set(at);
        return clock;
    }

    /** Moves the clock to {@code at}. */
    public void set(Instant at) {
        now = at;
    }

    /** Moves the clock on by {@code duration}. */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
