package io.kioskfleet.agent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a virtual device's guest sessions come and go: a random pause between sessions and a random
 * length for each, each drawn evenly between its shortest and longest.
 *
 * @param shortestPause the least time between one session's wipe and the next start
 * @param longestPause  the most time between sessions
 * @param shortestSession the shortest session
 * @param longestSession  the longest session
 */
public record SessionPacing(Duration shortestPause, Duration longestPause, Duration shortestSession,
                            Duration longestSession) {

    /**
     * Sessions of 15 s to 1 min with 5 to 30 s between them: a busy demo (the first sessions are
     * verified within a minute), not a real office day.
     */
    public static final SessionPacing DEMO = new SessionPacing(Duration.ofSeconds(5), Duration.ofSeconds(30),
        Duration.ofSeconds(15), Duration.ofSeconds(60));

    public SessionPacing {
        if (shortestPause.isNegative() || longestPause.compareTo(shortestPause) < 0 || shortestSession.isNegative()
            || longestSession.compareTo(shortestSession) < 0) {
            throw new IllegalArgumentException("session pacing needs non-negative times, each longest at least its shortest");
        }
    }

    /** A pause before the next session. */
    Duration pause() {
        return between(shortestPause, longestPause);
    }

    /** The length of the next session. */
    Duration session() {
        return between(shortestSession, longestSession);
    }

    private static Duration between(Duration shortest, Duration longest) {
        long spread = longest.toMillis() - shortest.toMillis();
        return shortest.plusMillis(spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1));
    }
}
