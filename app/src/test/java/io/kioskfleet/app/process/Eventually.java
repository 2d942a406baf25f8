package io.kioskfleet.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for what a launched service does in the background: fails the test when it takes too long. */
final class Eventually {

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails, naming {@code what}, when it did not within {@code patience}. */
    static void holds(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " within " + patience).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
