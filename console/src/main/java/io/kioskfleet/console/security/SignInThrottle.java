package io.kioskfleet.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES_PER_USER} failed sign-ins within
 * {@link #WINDOW} for one user name, or {@link #MAX_FAILURES_PER_ADDRESS} from one address (an
 * office's staff often share one address, so that limit is higher), further attempts are refused
 * until the window has passed. Kept in memory per instance: a restart forgives, which is
 * acceptable for a throttle.
 */
public final class SignInThrottle {

    static final int MAX_FAILURES_PER_USER = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** True when sign-in as {@code username} from {@code address} must wait. */
    public boolean blocked(String username, String address) {
        return tooMany(userKey(username), MAX_FAILURES_PER_USER) || tooMany(addressKey(address), MAX_FAILURES_PER_ADDRESS);
    }

    /** Counts a failed sign-in against the user name and the address. */
    public void failed(String username, String address) {
        if (failures.size() > MAX_KEYS) {
            failures.clear(); // a flood of made-up names must not fill the heap
        }
        Instant now = clock.instant();
        record(userKey(username), now);
        record(addressKey(address), now);
    }

    /** Forgets the user name's failures once they signed in. */
    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private boolean tooMany(String key, int limit) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times, clock.instant());
            return times.size() >= limit;
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, ignored -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
            times.removeFirst();
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
