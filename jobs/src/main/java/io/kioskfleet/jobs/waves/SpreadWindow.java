package io.kioskfleet.jobs.waves;

import java.time.Duration;
import java.time.Instant;

/**
 * Spreads a wave over its window by chunk: chunk {@code k} of {@code n} may be delivered from
 * {@code start + window × k / n} on, so the fleet does not log out, wipe and attest all in the same
 * second. Depends only on the run's start and its target count, so a resumed run gives each chunk
 * the same time again.
 *
 * @param start   when the wave began
 * @param window  how long it spreads over (zero: all at once)
 * @param chunks  how many chunks the wave has
 */
record SpreadWindow(Instant start, Duration window, long chunks) {

    /** When chunk {@code k} (from 0) may be delivered; null for no spread, meaning at once. */
    Instant notBefore(long chunk) {
        if (window.isZero() || chunks <= 1) {
            return null;
        }
        return start.plusMillis(window.toMillis() * Math.min(chunk, chunks - 1) / chunks);
    }
}
